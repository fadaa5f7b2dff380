import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { startTestApi, type TestApi } from '@gopay/core-api/testing'
import { createGatewayApp } from './app'
import type { Logger } from 'pino'
import { createCoreClient, type CoreClient } from './core/client'
import { memorySessionStore, redisSessionStore, type SessionStore } from './sessions/store'

export interface TestGateway {
  api: TestApi
  url: string
  store: SessionStore
  /** Posts one hop as the aggregator does; answers the raw text/plain body and the status. */
  post(form: Record<string, string>, query?: string): Promise<{ status: number; body: string }>
  /** A phone in a session: `send` types one input and answers the screen. */
  dial(phone: string, sessionId?: string): Phone
  close(): Promise<void>
}

export interface Phone {
  sessionId: string
  /** The first hop: empty text, or the inputs of a dialled shortcut (`*384*55*1#` sends `1`). */
  open(dialled?: string): Promise<string>
  send(input: string): Promise<string>
  /** The same hop again, as a network resends it. */
  resend(): Promise<string>
  text: string
}

export async function startTestGateway(
  opts: {
    redis?: boolean
    sharedSecret?: string
    /** Stands between the gateway and the real core API (to answer what the core would not). */
    core?: (real: CoreClient) => CoreClient
    log?: Logger
  } = {},
): Promise<TestGateway> {
  const serviceSecret = `ussd-test-secret-${randomUUID()}`
  const api = await startTestApi({ ussdServiceSecret: serviceSecret })
  const store =
    opts.redis && process.env.REDIS_URL
      ? redisSessionStore(process.env.REDIS_URL, { prefix: `gopay-test:${randomUUID().slice(0, 8)}:` })
      : memorySessionStore()
  const app = createGatewayApp({
    store,
    core: (opts.core ?? ((real) => real))(createCoreClient({ baseUrl: api.url, serviceSecret })),
    currency: 'KES',
    countryCode: '254',
    access: { sharedSecret: opts.sharedSecret },
    log: opts.log,
  })
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const post = async (form: Record<string, string>, query = '') => {
    const res = await fetch(`${url}/ussd${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    })
    return { status: res.status, body: await res.text() }
  }
  return {
    api,
    url,
    store,
    post,
    dial(phone, sessionId = `ATUid_${randomUUID()}`) {
      const hop = async (text: string) =>
        (await post({ sessionId, phoneNumber: phone, serviceCode: '*384*55#', networkCode: '63902', text }))
          .body
      let sends = 0
      const p: Phone = {
        sessionId,
        text: '',
        open(dialled = '') {
          p.text = dialled
          sends = dialled ? 1 : 0
          return hop(dialled)
        },
        async send(input) {
          p.text = sends++ === 0 ? input : `${p.text}*${input}`
          return hop(p.text)
        },
        resend: () => hop(p.text),
      }
      return p
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()))
      server.closeAllConnections()
      await store.close()
      await api.close()
    },
  }
}
