import { Writable } from 'node:stream'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, routesOf } from './app'
import { createLogger } from './observability/logger'
import { idem, needsDatabase, startTestApi, type TestApi } from './testing/harness'

describe.skipIf(needsDatabase)('the API around the domains', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({ loginRateLimit: 3 })
  })
  afterAll(async () => {
    await api.close()
  })

  it('answers /healthz, /readyz and /metrics', async () => {
    expect((await api.call('GET', '/healthz')).body).toEqual({ status: 'ok' })
    expect((await api.call('GET', '/readyz')).body).toMatchObject({
      status: 'ready',
      checks: { database: 'ok' },
    })
    const metrics = await fetch(`${api.url}/metrics`)
    expect(await metrics.text()).toContain('gopay_http_request_duration_seconds')
  })

  it('publishes OpenAPI 3.1 with every route, its permission, and the idempotency header on money routes', async () => {
    const doc = (await api.call('GET', '/v1/openapi.json')).body
    expect(doc.openapi).toBe('3.1.0')
    for (const r of routesOf(api.services)) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')][r.method]
      expect(op['x-permission'], `${r.method} ${r.path}`).toBe(r.permission)
      const header = (op.parameters ?? []).some((p: { name: string }) => p.name === 'Idempotency-Key')
      expect(header, `${r.method} ${r.path}`).toBe(Boolean(r.idempotent))
    }
    const transfer = doc.paths['/v1/transfers'].post.requestBody.content['application/json'].schema
    expect(transfer.properties.amount).toMatchObject({ type: 'integer', exclusiveMinimum: 0 })
    expect(transfer.additionalProperties).toBe(false)
  })

  it('limits sign-in attempts per account with a problem answer', async () => {
    const u = await api.user()
    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: '8888' } })).status,
      )
    expect(statuses.slice(3)).toEqual([429, 429])
    const limited = await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })
    expect(limited.body.code).toBe('rate_limited')
  })

  it('counts only refused sign-ins against the per-account limit', async () => {
    const u = await api.user()
    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).status,
      )
    expect(statuses).toEqual([200, 200, 200, 200, 200])
  })

  it('shows staff the local SMS outbox, and no one else', async () => {
    const phone = '+254798' + String(Date.now()).slice(-6)
    await api.call('POST', '/v1/users', {
      body: { phone, firstName: 'Neema', lastName: 'Otieno', pin: '8243' },
    })
    const { createOutboxDispatcher, localSmsProvider } = await import('./sms/sender')
    await createOutboxDispatcher({
      db: api.tdb.db,
      sms: localSmsProvider(),
      log: createLogger('silent'),
    }).dispatchBatch()
    const admin = await api.staff('auditor')
    const r = await api.call('GET', `/v1/admin/sms-messages?phone=${encodeURIComponent(phone)}`, {
      token: admin.token,
    })
    expect(r.body.items).toEqual([
      expect.objectContaining({
        to: phone,
        provider: 'local',
        status: 'sent',
        message: expect.stringMatching(/GoPay code is \d{6}/),
      }),
    ])
    const user = await api.user()
    expect((await api.call('GET', '/v1/admin/sms-messages', { token: user.token })).status).toBe(403)
  })

  it('answers unknown paths with a problem', async () => {
    const r = await api.call('GET', '/v1/nothing-here')
    expect(r.status).toBe(404)
    expect(r.body.code).toBe('not_found')
  })

  it('never writes a PIN, password or token into its logs', async () => {
    let logged = ''
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += chunk.toString()
        done()
      },
    })
    const app = createApp({ services: api.services, config: api.config, log: createLogger('trace', sink) })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const u = await api.user({ pin: '8243', balance: 10_000n })
    const login = await (
      await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: u.phone, pin: '8243' }),
      })
    ).json()
    await fetch(`${url}/v1/transfers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${login.accessToken}`,
        ...idem(),
      },
      body: JSON.stringify({ toPhone: u.phone, amount: 100 }),
    })
    await fetch(`${url}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: login.refreshToken }),
    })
    await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@gopay.test', password: 'hunter2-secret' }),
    })
    server.close()
    if (process.env.SHOW_LOGS) console.log(logged)
    expect(logged).toContain('"req"')
    for (const secret of [
      '8243',
      login.accessToken,
      login.refreshToken,
      'hunter2-secret',
      login.accessToken.split('.')[2],
    ])
      expect(logged).not.toContain(secret)
  })
})
