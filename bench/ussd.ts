import { randomUUID } from 'node:crypto'
import { createServer, type AddressInfo } from 'node:net'
import { Pool } from 'undici'
import { connect, migrateLatest } from '@gopay/db'
import { createServices, loadConfig } from '@gopay/core-api'
import { startService, type Service } from './processes'
import { line, summarise } from './stats'

/**
 * USSD hops at 200 concurrent sessions, with sessions in Redis and the core API on PostgreSQL, each in
 * its own process as in production. Each session sends money: five menu hops (dial, menu, recipient,
 * amount, confirm with the fee) and one hop that moves money (the PIN). A person reads each screen and
 * types before the next hop (BENCH_THINK_MS, 5 s by default: reading a screen and typing a number on a
 * feature phone takes that; at 1 s this machine saturates, see the closing note): the load is 200
 * people dialling, not 200 machines in a closed loop. Latency is per hop, as the aggregator sees it.
 */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 5_000)

/** A port nobody listens on now: other benchmarks or services may run on this machine at the same time. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
const SESSIONS = 200
const USERS = 400
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

export async function benchUssd() {
  const CORE_PORT = await freePort()
  const USSD_PORT = await freePort()
  // Its own database: two runs at once must not drop each other's.
  const dbName = `gopay_bench_ussd_${process.pid}`
  const admin = connect({ url: baseUrl, poolMax: 1 })
  await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  await admin.raw(`CREATE DATABASE ${dbName}`)
  await admin.destroy()
  const u = new URL(baseUrl)
  u.pathname = `/${dbName}`
  const db = connect({ url: u.toString(), poolMax: 20 })
  await migrateLatest(db)
  const serviceSecret = `bench-${randomUUID()}`
  const jwtSecret = `bench-${randomUUID()}-${randomUUID()}`
  const config = loadConfig({ GOPAY_DEMO: '0' } as NodeJS.ProcessEnv, {
    databaseUrl: u.toString(),
    jwtSecret,
  })
  const services = createServices(db, config)
  await services.ledger.openSystemAccounts('KES')

  // Users, each with money and the same PIN, registered as the USSD path would (number vouched).
  const phones: string[] = []
  const bank = await services.ledger.systemAccount('bank_settlement', 'KES')
  for (let i = 0; i < USERS; i++) {
    const phone = `+2547${String(10_000_000 + i).slice(-8)}`
    const r = await services.users.register(
      { phone, firstName: 'Bench', lastName: `User${i}`, pin: '1357' },
      { phoneVouched: true },
    )
    if ('error' in r) throw new Error(r.error)
    await db('parties').where({ id: r.id }).update({ kyc_tier: 2 })
    const wallet = await db('ledger_accounts').where({ party_id: r.id, type: 'user_wallet' }).first('id')
    await db.transaction((trx) =>
      services.ledger.post(trx, {
        currency: 'KES',
        postings: [
          { accountId: bank, amount: -10_000_000n },
          { accountId: wallet.id, amount: 10_000_000n },
        ],
      }),
    )
    phones.push(phone)
  }

  const core = await startService(
    'core-api/src/main.ts',
    {
      DATABASE_URL: u.toString(),
      JWT_SECRET: jwtSecret,
      USSD_SERVICE_SECRET: serviceSecret,
      CORE_API_PORT: String(CORE_PORT),
      GOPAY_LOGIN_RATE_LIMIT: '1000000',
      GOPAY_JOBS: '0',
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
    },
    /core API listening/,
  )
  // Whatever happens, the two processes are stopped: a process left running keeps this one alive.
  let gateway: Service | undefined
  const pool = new Pool(`http://127.0.0.1:${USSD_PORT}`, { connections: SESSIONS })
  try {
    gateway = await startService(
      'ussd-gateway/src/main.ts',
      {
        USSD_PORT: String(USSD_PORT),
        CORE_API_URL: `http://127.0.0.1:${CORE_PORT}`,
        USSD_SERVICE_SECRET: serviceSecret,
        REDIS_URL: redisUrl,
        LOG_LEVEL: 'info',
      },
      /USSD gateway listening/,
    )
    const menu: number[] = []
    const money: number[] = []
    const hop = async (sessionId: string, phone: string, text: string, into: number[]) => {
      const started = performance.now()
      const res = await pool.request({
        path: '/ussd',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          sessionId,
          serviceCode: '*384*55#',
          phoneNumber: phone,
          networkCode: '63902',
          text,
        }).toString(),
      })
      const body = await res.body.text()
      into.push(performance.now() - started)
      await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())))
      return body
    }
    // Warm-up, not measured: the gateway signs in to the core, connections open, code is compiled.
    for (let w = 0; w < 20; w++) {
      const sid = `warm-${randomUUID()}`
      for (const t of [
        '',
        '1',
        `1*${phones[1]}`,
        `1*${phones[1]}*10`,
        `1*${phones[1]}*10*1`,
        `1*${phones[1]}*10*1*1357`,
      ])
        await pool
          .request({
            path: '/ussd',
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              sessionId: sid,
              serviceCode: '*384*55#',
              phoneNumber: phones[0]!,
              networkCode: '63902',
              text: t,
            }).toString(),
          })
          .then((r) => r.body.text())
    }
    let failures = 0
    const run = randomUUID().slice(0, 8)
    const until = performance.now() + SECONDS * 1000
    const started = performance.now()
    await Promise.all(
      Array.from({ length: SESSIONS }, async (_, n) => {
        // People do not all dial in the same millisecond: first dials spread over two think times.
        await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK_MS))
        let i = 0
        while (performance.now() < until) {
          const from = phones[(n * 2 + i) % USERS]!
          const to = phones[(n * 2 + i + 1) % USERS]!
          const sessionId = `bench-${run}-${n}-${i++}`
          const texts = ['', '1', `1*${to}`, `1*${to}*10`, `1*${to}*10*1`]
          for (const t of texts) await hop(sessionId, from, t, menu)
          const end = await hop(sessionId, from, `1*${to}*10*1*1357`, money)
          if (!end.startsWith('END Sent')) {
            if (!failures) console.error(`first failed money hop: ${JSON.stringify(end)}`)
            failures++
          }
        }
      }),
    )
    const elapsed = (performance.now() - started) / 1000
    const m = summarise(menu)
    const p = summarise(money)
    line('ussd_concurrent_sessions', SESSIONS, 'sessions')
    line('ussd_think_time', THINK_MS, 'ms')
    line('ussd_hops_per_second', (m.count + p.count) / elapsed, 'hops/s')
    line('ussd_menu_hop_p50', m.p50, 'ms')
    line('ussd_menu_hop_p99', m.p99, 'ms')
    line('ussd_money_hop_p50', p.p50, 'ms')
    line('ussd_money_hop_p99', p.p99, 'ms')
    line('ussd_money_hops_failed', failures, 'hops')
    const trial = await services.ledger.trialBalance()
    line('ussd_trial_balance_balanced', trial.every((c) => c.balanced) ? 1 : 0, 'bool')
  } finally {
    await pool.close()
    await gateway?.stop()
    await core.stop()
    await db.destroy()
    const cleanup = connect({ url: baseUrl, poolMax: 1 })
    await cleanup.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await cleanup.destroy()
  }
}
