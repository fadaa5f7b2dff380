import { Writable } from 'node:stream'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, routesOf } from './app'
import { createLogger } from './observability/logger'
import { idem, needsDatabase, startTestApi, uniquePhone, type TestApi } from './testing/harness'

const SERVICE_SECRET = 'ussd-service-secret-for-app-tests'

describe.skipIf(needsDatabase)('the API around the domains', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({ loginRateLimit: 3, ussdServiceSecret: SERVICE_SECRET })
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

  /** Calls a route and checks its answer parses with the schema the route declares in the document. */
  async function answersAsDeclared(
    route: string,
    url: string,
    opts: Parameters<TestApi['call']>[2] = {},
    status = 200,
  ) {
    const [method, path] = route.split(' ') as [string, string]
    const spec = routesOf(api.services).find((r) => r.method === method && r.path === path)
    const schema = spec?.responses[status]?.schema
    expect(schema, `${route} declares a ${status} schema`).toBeDefined()
    const r = await api.call(method.toUpperCase(), url, opts)
    expect(r.status, `${route}: ${JSON.stringify(r.body)}`).toBe(status)
    const parsed = schema!.safeParse(r.body)
    expect(parsed.success ? [] : parsed.error.issues, route).toEqual([])
    return r.body
  }

  it('answers as its document declares (the USSD look-ups, history, limits, statements, withdrawals, billers)', async () => {
    const service = (
      await answersAsDeclared('post /v1/auth/service', '/v1/auth/service', {
        body: { service: 'ussd', secret: SERVICE_SECRET },
      })
    ).accessToken
    const payer = await api.user({ balance: 500_000n })
    const payee = await api.user()
    expect(
      (
        await api.call('POST', '/v1/transfers', {
          token: payer.token,
          headers: idem(),
          body: { toPhone: payee.phone, amount: 12_345 },
        })
      ).status,
    ).toBe(201)
    const ussd = { token: service }
    const known = await answersAsDeclared(
      'get /v1/ussd/subscribers/:phone',
      `/v1/ussd/subscribers/${encodeURIComponent(payer.phone)}`,
      ussd,
    )
    expect(known).toMatchObject({ registered: true, language: 'en' })
    const newcomer = uniquePhone()
    expect(
      await answersAsDeclared(
        'get /v1/ussd/subscribers/:phone',
        `/v1/ussd/subscribers/${encodeURIComponent(newcomer)}`,
        ussd,
      ),
    ).toEqual({ registered: false })
    await answersAsDeclared(
      'get /v1/ussd/payees/:kind/:ref',
      `/v1/ussd/payees/wallet/${encodeURIComponent(payee.phone)}`,
      ussd,
    )
    await answersAsDeclared('get /v1/ussd/fees', '/v1/ussd/fees?type=p2p&amount=10000', ussd)
    await answersAsDeclared(
      'post /v1/ussd/registrations',
      '/v1/ussd/registrations',
      {
        ...ussd,
        body: { phone: newcomer, firstName: 'Amani', lastName: 'Mwita', idNumber: 'A1234567', pin: '8243' },
      },
      201,
    )
    await answersAsDeclared('post /v1/ussd/sessions', '/v1/ussd/sessions', {
      ...ussd,
      body: { phone: payer.phone, pin: payer.pin },
    })

    const history = await answersAsDeclared('get /v1/me/transactions', '/v1/me/transactions?limit=5', {
      token: payer.token,
    })
    expect(history.items[0]).toMatchObject({ direction: 'out', amount: 12_345 })
    expect(history.items[0].counterparty).not.toBeNull()
    await answersAsDeclared('get /v1/me/limits', '/v1/me/limits', { token: payer.token })
    await answersAsDeclared('get /v1/me/notifications', '/v1/me/notifications', { token: payee.token })

    const agent = await api.agent({ float: 200_000n })
    const statement = await answersAsDeclared(
      'get /v1/agents/me/float-statement',
      '/v1/agents/me/float-statement?limit=1',
      { token: agent.token },
    )
    expect(statement.items).toHaveLength(1)
    const withdrawal = await answersAsDeclared(
      'post /v1/withdrawals',
      '/v1/withdrawals',
      { token: payer.token, headers: idem(), body: { agentCode: agent.code, amount: 1_000 } },
      201,
    )
    expect(withdrawal.agentCode).toBe(agent.code)

    await api.biller()
    const billers = await answersAsDeclared('get /v1/billers', '/v1/billers', { token: payer.token })
    expect(billers.items.length).toBeGreaterThan(0)
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
    const outbox = await answersAsDeclared(
      'get /v1/admin/sms-messages',
      `/v1/admin/sms-messages?phone=${encodeURIComponent(phone)}`,
      { token: admin.token },
    )
    expect(outbox.items).toEqual([
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
