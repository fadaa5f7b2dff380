import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { randomUUID } from 'node:crypto'
import { createEmbeddedTestDatabase, createTestDatabase, testDatabaseUrl, type TestDatabase } from '@gopay/db'
import { createApp, createServices, type Services } from '../app'
import { loadConfig, type CoreConfig } from '../config'
import { startPartnerSimulator, type PartnerSimulator } from '../integrations/simulator/server'
import { createLogger } from '../observability/logger'

/** Says why a suite skips: these tests run against a real PostgreSQL, never a fake. */
export const needsDatabase = !testDatabaseUrl()
if (needsDatabase) console.warn('DATABASE_URL is not set: the tests that need PostgreSQL are skipped.')

export interface TestApi {
  url: string
  config: CoreConfig
  services: Services
  tdb: TestDatabase
  /** The partners' simulator (bank, billers, airtime) the API talks to. */
  sim: PartnerSimulator
  close(): Promise<void>
  /** A JSON request; answers status, headers and parsed body. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  ): Promise<{ status: number; headers: Headers; body: any }>
  /** An active user with a wallet, funded from bank settlement with `balance` minor units. */
  user(opts?: {
    balance?: bigint
    tier?: number
    pin?: string
  }): Promise<{ id: string; phone: string; pin: string; token: string }>
  staff(role: 'admin' | 'sub_admin' | 'auditor'): Promise<{ id: string; token: string }>
  /** An agent with a float account, signed in. */
  agent(opts?: { float?: bigint }): Promise<{ id: string; token: string; code: string; phone: string }>
  /** A merchant with a till (sharded merchant account). */
  merchant(): Promise<{ id: string; code: string; phone: string; accountId: bigint; token: string }>
  /** A biller (prepaid power when `power`), with its settlement account. */
  biller(opts?: {
    fee?: bigint
    pattern?: string
    power?: boolean
  }): Promise<{ id: string; code: string; accountId: bigint }>
  trialBalance(): Promise<Array<{ currency: string; balanced: boolean; balancesMatchPostings: boolean }>>
}

let phoneCounter = 0
export const uniquePhone = () =>
  `+2547${String(process.pid % 100).padStart(2, '0')}${String(Date.now() % 100000).padStart(5, '0')}${String(phoneCounter++ % 100).padStart(2, '0')}`

/** `embedded`: on the embedded PGlite (what `npm start` runs without DATABASE_URL), needing no server. */
export async function startTestApi(
  overrides: Partial<CoreConfig> = {},
  poolMax = 10,
  { embedded = false } = {},
): Promise<TestApi> {
  const tdb = embedded ? await createEmbeddedTestDatabase({ poolMax }) : await createTestDatabase({ poolMax })
  const webhookSecret = 'test-bank-webhook-secret-0123456789'
  const sim = await startPartnerSimulator({ webhookSecret })
  const config = loadConfig({ GOPAY_DEMO: '0' } as NodeJS.ProcessEnv, {
    databaseUrl: tdb.url,
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    loginRateLimit: 1000,
    partners: {
      bankUrl: sim.url,
      billerUrl: sim.url,
      airtimeUrl: sim.url,
      bankWebhookSecret: webhookSecret,
      // Short, so timeouts are quick to test.
      timeoutMs: 700,
    },
    ...overrides,
  })
  const services = createServices(tdb.db, config)
  await services.ledger.openSystemAccounts(config.currency)
  const app = createApp({ services, config, log: createLogger('silent') })
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  sim.setWebhook(`${url}/v1/integrations/bank/events`)

  const call: TestApi['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json'
    const res = await fetch(url + path, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    })
    const text = await res.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body }
  }

  /** Money in from the bank: bank settlement is debited, the account credited, as a deposit. */
  const fund = async (
    trx: import('@gopay/db').Executor,
    accountId: bigint,
    partyId: string,
    amount: bigint,
  ) => {
    const id = randomUUID()
    const bank = await services.ledger.systemAccount('bank_settlement', config.currency, trx)
    await services.ledger.post(trx, {
      transactionId: id,
      currency: config.currency,
      postings: [
        { accountId: bank, amount: -amount },
        { accountId, amount },
      ],
    })
    await trx('transactions').insert({
      id,
      type: 'bank_deposit',
      status: 'completed',
      currency: config.currency,
      amount,
      payee_party_id: partyId,
    })
  }

  const login = async (credentials: object) => {
    const r = await call('POST', '/v1/auth/login', { body: credentials })
    if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`)
    return r.body.accessToken as string
  }

  return {
    url,
    config,
    services,
    tdb,
    sim,
    call,
    async user({ balance = 0n, tier = 1, pin = '1357' } = {}) {
      const phone = uniquePhone()
      const u = await services.users.register(
        { phone, firstName: 'Test', lastName: 'User', pin },
        { phoneVouched: true },
      )
      if ('error' in u) throw new Error(u.error)
      await tdb.db('parties').where({ id: u.id }).update({ kyc_tier: tier })
      if (balance > 0n) {
        const wallet = await tdb
          .db('ledger_accounts')
          .where({ party_id: u.id, type: 'user_wallet' })
          .first('id')
        await tdb.db.transaction((trx) => fund(trx, wallet.id, u.id, balance))
      }
      return { id: u.id, phone, pin, token: await login({ phone, pin }) }
    },
    async staff(role) {
      const email = `${role}-${randomUUID().slice(0, 8)}@gopay.test`
      const { createStaff } = await import('../demo/seed')
      const id = await tdb.db.transaction((trx) =>
        createStaff(services, trx, email, 'staff-password-123', role),
      )
      return { id, token: await login({ email, password: 'staff-password-123' }) }
    },
    async agent({ float = 0n } = {}) {
      const phone = uniquePhone()
      const code = phone.slice(-6)
      const id = await tdb.db.transaction(async (trx) => {
        const [p] = await trx('parties')
          .insert({
            kind: 'agent',
            roles: ['agent'],
            display_name: 'Test Agency',
            phone,
            status: 'active',
            kyc_tier: 2,
          })
          .returning('id')
        await trx('agents').insert({
          party_id: p.id,
          code,
          business_name: 'Test Agency',
          float_threshold: 100_000,
          bank_account: '0123456789',
        })
        await services.auth.setSecret(trx, p.id, 'pin', '1470')
        const account = await services.ledger.openAccount(trx, {
          type: 'agent_float',
          currency: config.currency,
          partyId: p.id,
        })
        if (float > 0n) await fund(trx, account, p.id, float)
        return p.id as string
      })
      return { id, code, phone, token: await login({ phone, pin: '1470' }) }
    },
    async merchant() {
      const phone = uniquePhone()
      const code = phone.slice(-7)
      const m = await tdb.db.transaction(async (trx) => {
        const [p] = await trx('parties')
          .insert({
            kind: 'merchant',
            roles: ['merchant'],
            display_name: `Shop ${code}`,
            phone,
            status: 'active',
          })
          .returning('id')
        await trx('merchants').insert({
          party_id: p.id,
          code,
          business_name: `Shop ${code}`,
          settlement_bank_account: '0987654321',
        })
        await services.auth.setSecret(trx, p.id, 'pin', '3690')
        const accountId = await services.ledger.openAccount(trx, {
          type: 'merchant',
          currency: config.currency,
          partyId: p.id,
        })
        return { id: p.id as string, code, accountId }
      })
      return { ...m, phone, token: await login({ phone, pin: '3690' }) }
    },
    async biller({ fee = 0n, pattern = '^[0-9]{11}$', power = true } = {}) {
      const code = power ? 'POWER' : `B${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`
      return tdb.db.transaction(async (trx) => {
        const existing = await trx('billers').where({ code }).first('party_id')
        if (existing) {
          const a = await trx('ledger_accounts')
            .where({ party_id: existing.party_id, type: 'biller_settlement' })
            .first('id')
          return { id: existing.party_id as string, code, accountId: a.id as bigint }
        }
        const [p] = await trx('parties')
          .insert({ kind: 'biller', roles: [], display_name: `Biller ${code}`, status: 'active' })
          .returning('id')
        await trx('billers').insert({
          party_id: p.id,
          code,
          name: `Biller ${code}`,
          account_pattern: pattern,
          fee,
        })
        const accountId = await services.ledger.openAccount(trx, {
          type: 'biller_settlement',
          currency: config.currency,
          partyId: p.id,
        })
        return { id: p.id as string, code, accountId }
      })
    },
    async trialBalance() {
      return services.ledger.trialBalance()
    },
    async close() {
      await services.paymentFeed.close()
      await sim.close()
      await new Promise<void>((r) => server.close(() => r()))
      server.closeAllConnections()
      await tdb.drop()
    },
  }
}

export const idem = () => ({ 'Idempotency-Key': `test-${randomUUID()}` })
