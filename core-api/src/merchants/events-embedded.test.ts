import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { connect, migrateLatest, startEmbeddedPostgres, type Db, type EmbeddedPostgres } from '@gopay/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, createServices, type Services } from '../app'
import { loadConfig } from '../config'
import { createLogger } from '../observability/logger'

// The embedded default (npm start without DATABASE_URL): its socket does not pass notifications
// between connections, so the stream must still see a change made on another connection, quickly.
describe('payment request events on the embedded PGlite', () => {
  let pg: EmbeddedPostgres
  let db: Db
  let other: Db
  let services: Services
  let server: Server
  let url: string
  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ maxConnections: 8 })
    db = connect({ url: pg.url, poolMax: 4 })
    other = connect({ url: pg.url, poolMax: 1 })
    await migrateLatest(db)
    const config = loadConfig({ GOPAY_DEMO: '0' } as NodeJS.ProcessEnv, {
      databaseUrl: pg.url,
      jwtSecret: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    })
    services = createServices(db, config)
    await services.ledger.openSystemAccounts(config.currency)
    server = await new Promise((ok) => {
      const s = createApp({ services, config, log: createLogger('silent') }).listen(0, '127.0.0.1', () =>
        ok(s),
      )
    })
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 60_000)
  afterAll(async () => {
    server?.closeAllConnections()
    await new Promise((ok) => server?.close(ok))
    await services?.paymentFeed.close()
    await other?.destroy()
    await db?.destroy()
    await pg?.stop()
  })

  it('streams a change made on another connection within about a second', async () => {
    const [p] = await db('parties')
      .insert({ kind: 'merchant', roles: ['merchant'], display_name: 'Embedded Shop', status: 'active' })
      .returning('id')
    await db('merchants').insert({ party_id: p.id, code: '500991', business_name: 'Embedded Shop' })
    const session = await services.auth.openSession(p.id, ['merchant'])
    const r = await services.merchants.requestPayment(p.id, { amount: 1000n })
    const res = await fetch(`${url}/v1/payment-requests/${r!.id}/events`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const first = await reader.read()
    text += decoder.decode(first.value)
    expect(text).toContain('"status":"pending"')
    const changedAt = Date.now()
    await other('payment_requests').where({ id: r!.id }).update({ status: 'cancelled' })
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      text += decoder.decode(value)
    }
    expect(text).toContain('"status":"cancelled"')
    expect(Date.now() - changedAt).toBeLessThan(2500)
  }, 30_000)
})
