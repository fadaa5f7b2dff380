import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, migrateLatest, startEmbeddedPostgres, type Db, type EmbeddedPostgres } from '@gopay/db'
import { createServices } from './app'
import { loadConfig } from './config'
import { seedDemo } from './demo/seed'
import { startPartnerSimulator, type PartnerSimulator } from './integrations/simulator/server'
import { createLogger } from './observability/logger'
import { startCoreApi, type RunningCoreApi } from './server'

// The default `npm start` database: PGlite on disk behind its socket, the pool `npm start` uses, the
// background jobs running in this process. 200 mixed requests at once, every answer checked.
const SERVICE_SECRET = 'ussd-service-secret-for-the-load-test'

describe('the embedded database under 200 concurrent mixed requests', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gopay-embedded-load-'))
  let pg: EmbeddedPostgres
  let db: Db
  let sim: PartnerSimulator
  let core: RunningCoreApi
  const errors: string[] = []

  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pgdata') })
    db = connect({ url: pg.url, poolMax: 4 })
    await migrateLatest(db)
    sim = await startPartnerSimulator({ webhookSecret: 'load-test-webhook-secret-0123456789' })
    const config = loadConfig({ GOPAY_DEMO: '0' } as NodeJS.ProcessEnv, {
      databaseUrl: pg.url,
      port: 0,
      host: '127.0.0.1',
      jwtSecret: 'load-test-secret-that-is-long-enough-0123456789',
      loginRateLimit: 1000,
      ussdServiceSecret: SERVICE_SECRET,
      partners: {
        bankUrl: sim.url,
        billerUrl: sim.url,
        airtimeUrl: sim.url,
        bankWebhookSecret: 'load-test-webhook-secret-0123456789',
        timeoutMs: 5_000,
      },
    })
    await seedDemo(createServices(db, config), config)
    // Whatever the jobs or requests log as an error is a failure of this test.
    const log = createLogger('error')
    log.error = ((obj: unknown, msg?: string) => {
      errors.push(`${msg ?? ''} ${JSON.stringify(obj, Object.getOwnPropertyNames(obj ?? {})).slice(0, 300)}`)
    }) as typeof log.error
    core = await startCoreApi(config, log, { db, jobs: true })
    sim.setWebhook(`${core.url}/v1/integrations/bank/events`)
  }, 120_000)

  afterAll(async () => {
    await core?.close()
    await sim?.close()
    await db?.destroy()
    await pg?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  type Answer = { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any
  async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (method === 'POST') headers['idempotency-key'] = `load-${randomUUID()}`
    const res = await fetch(core.url + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
    const text = await res.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      /* not JSON */
    }
    return { status: res.status, body } as Answer
  }
  const signIn = async (body: object) =>
    (await call('POST', '/v1/auth/login', { body })).body.accessToken as string

  it('answers every request as it should and keeps the ledger balanced', { timeout: 300_000 }, async () => {
    const services = core.services
    const amina = await signIn({ phone: '+254711000001', pin: '1357' })
    const service = (
      await call('POST', '/v1/auth/service', { body: { service: 'ussd', secret: SERVICE_SECRET } })
    ).body.accessToken as string
    // Ten funded customers, registered as people are.
    const people: Array<{ phone: string; token: string }> = []
    for (let i = 0; i < 10; i++) {
      const phone = `+2547150000${String(i).padStart(2, '0')}`
      const u = await services.users.register(
        { phone, firstName: 'Load', lastName: `Tester${i}`, pin: '1357' },
        { phoneVouched: true },
      )
      if ('error' in u) throw new Error(u.error)
      await db('parties').where({ id: u.id }).update({ kyc_tier: 2 })
      const sent = await call('POST', '/v1/transfers', {
        token: amina,
        body: { toPhone: phone, amount: 30_000 },
      })
      expect(sent.status).toBe(201)
      people.push({ phone, token: await signIn({ phone, pin: '1357' }) })
    }

    type Check = (a: Answer) => boolean
    const work: Array<[string, () => Promise<Answer>, Check]> = []
    const add = (n: number, name: string, run: (i: number) => Promise<Answer>, ok: Check) => {
      for (let i = 0; i < n; i++) work.push([name, () => run(i), ok])
    }
    const money = (a: Answer) => Number.isInteger(a.body.amount) && Number.isInteger(a.body.fee)
    add(
      30,
      'p2p',
      (i) =>
        call('POST', '/v1/transfers', {
          token: people[i % 10]!.token,
          body: { toPhone: people[(i + 1) % 10]!.phone, amount: 500 },
        }),
      (a) => a.status === 201 && a.body.type === 'p2p' && money(a),
    )
    add(
      30,
      'merchant payment',
      (i) =>
        call('POST', '/v1/merchant-payments', {
          token: people[i % 10]!.token,
          body: { merchantCode: 'MC001', amount: 700 },
        }),
      (a) => a.status === 201 && a.body.type === 'merchant_payment' && money(a),
    )
    add(
      15,
      'bill payment',
      (i) =>
        call('POST', '/v1/bill-payments', {
          token: people[i % 10]!.token,
          body: { billerCode: 'WATER', accountNumber: '123456', amount: 1_000 },
        }),
      (a) => (a.status === 201 || a.status === 202) && a.body.type === 'bill_payment' && money(a),
    )
    add(
      25,
      'wallet',
      (i) => call('GET', '/v1/me/wallet', { token: people[i % 10]!.token }),
      (a) => a.status === 200 && Number.isInteger(a.body.balance) && Number.isInteger(a.body.available),
    )
    add(
      20,
      'history',
      (i) => call('GET', '/v1/me/transactions?limit=5', { token: people[i % 10]!.token }),
      (a) => a.status === 200 && Array.isArray(a.body.items),
    )
    add(
      20,
      'biller account check',
      (i) => call('GET', '/v1/billers/WATER/accounts/12345' + i, { token: people[i % 10]!.token }),
      (a) => a.status === 200 && a.body.billerName === 'Nairobi Water' && a.body.fee === 3_000,
    )
    add(
      15,
      'ussd subscriber',
      (i) =>
        call('GET', `/v1/ussd/subscribers/${encodeURIComponent(people[i % 10]!.phone)}`, { token: service }),
      (a) => a.status === 200 && a.body.registered === true && a.body.firstName === 'Load',
    )
    add(
      10,
      'ussd payee',
      () => call('GET', '/v1/ussd/payees/merchant/MC001', { token: service }),
      (a) => a.status === 200 && a.body.name === 'Duka La Jamii',
    )
    add(
      10,
      'ussd fee',
      () => call('GET', '/v1/ussd/fees?type=p2p&amount=10000', { token: service }),
      (a) => a.status === 200 && Number.isInteger(a.body.fee),
    )
    add(
      15,
      'ussd PIN session',
      (i) =>
        call('POST', '/v1/ussd/sessions', {
          token: service,
          body: { phone: people[i % 10]!.phone, pin: '1357' },
        }),
      (a) => a.status === 200 && typeof a.body.accessToken === 'string',
    )
    add(
      10,
      'job: reconciliation',
      () => services.partnerCalls.reconcile().then((body) => ({ status: 200, body })),
      (a) => a.status === 200 && Number.isInteger(a.body.checked),
    )
    expect(work).toHaveLength(200)

    const started = Date.now()
    const answers = await Promise.all(
      work.map(async ([name, run, ok]) => {
        const a = await run().catch((err) => ({ status: 0, body: String(err) }))
        return { name, a, ok: ok(a) }
      }),
    )
    const ms = Date.now() - started
    const byStatus: Record<string, number> = {}
    for (const { a } of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1
    const wrong = answers.filter((x) => !x.ok)
    console.log(
      `embedded load: ${answers.length} requests in ${ms} ms (${Math.round((answers.length * 1000) / ms)}/s); by status ${JSON.stringify(byStatus)}; wrong ${wrong.length}`,
    )
    expect(wrong.map((w) => `${w.name}: ${w.a.status} ${JSON.stringify(w.a.body).slice(0, 200)}`)).toEqual([])

    // Let the jobs settle what is pending, then the books must balance.
    await services.partnerCalls.reconcile()
    const tb = await services.ledger.trialBalance()
    expect(tb.length).toBeGreaterThan(0)
    expect(tb.every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    expect(errors).toEqual([])
  })
})
