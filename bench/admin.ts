import { connect, migrateLatest } from '@gopay/db'
import { createServices } from '../core-api/src/app'
import { loadConfig } from '../core-api/src/config'
import { line, percentile } from './stats'

/**
 * `npm run bench -- admin`: the back office on a million transactions. Seeds a fresh PostgreSQL
 * database (100,000 users with wallets, 500 agents, 1,000,000 transactions over 90 days) and times the
 * dashboard, transaction search and user search as the API runs them, printing p50 and p95 of each.
 */
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 1_000_000)
const USERS = 100_000
const AGENTS = 500
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
const NAME = 'gopay_bench_admin'

const FIRST = [
  'Amina',
  'Baraka',
  'Chebet',
  'Daudi',
  'Esther',
  'Faraji',
  'Grace',
  'Hassan',
  'Imani',
  'Juma',
  'Kamau',
  'Lulu',
  'Mwangi',
  'Njeri',
  'Otieno',
  'Pendo',
  'Rehema',
  'Said',
  'Tatu',
  'Wanjiru',
]
const LAST = [
  'Achieng',
  'Bakari',
  'Cheruiyot',
  'Hamisi',
  'Kariuki',
  'Kiprono',
  'Mutua',
  'Njoroge',
  'Ochieng',
  'Wafula',
  'Mohamed',
  'Ndungu',
  'Kibet',
  'Mwende',
  'Omondi',
  'Atieno',
  'Kilonzo',
  'Chege',
  'Githinji',
  'Nyambura',
]

async function seed(url: string) {
  const db = connect({ url, poolMax: 2, applicationName: 'gopay-bench-admin-seed' })
  const t0 = Date.now()
  await migrateLatest(db)
  const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`
  await db.raw(`
    INSERT INTO parties (kind, roles, display_name, phone, status, kyc_tier, created_at)
    SELECT 'user', '{user}', 'u' || i, '+2547' || lpad(i::text, 8, '0'), 'active', 1 + (i % 2),
      now() - make_interval(secs => (random() * 90 * 86400)::int)
    FROM generate_series(1, ${USERS}) i;
    INSERT INTO users (party_id, first_name, last_name, id_number)
    SELECT id, (${arr(FIRST)})[1 + (substr(phone, 6)::int % 20)], (${arr(LAST)})[1 + (substr(phone, 6)::int / 20 % 20)],
      'ID' || lpad(substr(phone, 6), 8, '0')
    FROM parties WHERE kind = 'user';
    UPDATE parties p SET display_name = u.first_name || ' ' || u.last_name FROM users u WHERE u.party_id = p.id;
    INSERT INTO ledger_accounts (type, currency, party_id, shard_count, no_overdraft)
    SELECT 'user_wallet', 'KES', id, 1, true FROM parties WHERE kind = 'user';
    INSERT INTO parties (kind, roles, display_name, phone, status, kyc_tier)
    SELECT 'agent', '{agent}', 'Agency ' || i, '+2548' || lpad(i::text, 8, '0'), 'active', 2 FROM generate_series(1, ${AGENTS}) i;
    INSERT INTO agents (party_id, code, business_name, float_threshold)
    SELECT id, (200000 + substr(phone, 6)::int)::text, display_name, 1000000 FROM parties WHERE kind = 'agent';
    SELECT ledger_open_account('agent_float', 'KES', id, true) FROM parties WHERE kind = 'agent';
    UPDATE ledger_balances b SET available = (random() * 3000000)::bigint
      FROM ledger_accounts a WHERE a.id = b.account_id AND a.type = 'agent_float';
    CREATE TEMP TABLE wallets AS SELECT row_number() OVER (ORDER BY id) AS n, id, party_id FROM ledger_accounts WHERE type = 'user_wallet';
    CREATE UNIQUE INDEX ON wallets (n);
  `)
  // Seeded rows are history, not new payments: the screening trigger would queue a million messages.
  await db.raw('ALTER TABLE transactions DISABLE TRIGGER transactions_screened')
  // Nor is the dashboard's roll-up invalidation wanted for history written before any roll-up exists.
  await db.raw('ALTER TABLE transactions DISABLE TRIGGER transactions_dashboard_backdated')
  const batch = 100_000
  for (let done = 0; done < TRANSACTIONS; done += batch) {
    const n = Math.min(batch, TRANSACTIONS - done)
    await db.raw(`
      INSERT INTO transactions (id, type, status, currency, amount, fee, payer_party_id, payee_party_id,
        payer_account_id, payee_account_id, reference, created_at)
      SELECT gen_random_uuid(), (ARRAY['p2p','p2p','p2p','merchant_payment','cash_in','cash_out','bill_payment','airtime','withdrawal','bank_payout'])[1 + (i % 10)],
        CASE WHEN r < 0.95 THEN 'completed' WHEN r < 0.98 THEN 'failed' ELSE 'pending' END, 'KES',
        100 + (random() * 2000000)::bigint, (random() * 10000)::bigint,
        a.party_id, b.party_id, a.id, b.id, CASE WHEN i % 3 = 0 THEN 'R' || i END,
        now() - make_interval(secs => (random() * 90 * 86400)::int)
      FROM (SELECT i, random() AS r FROM generate_series(${done + 1}, ${done + n}) i) g
      JOIN wallets a ON a.n = 1 + (i::bigint * 7919) % ${USERS}
      JOIN wallets b ON b.n = 1 + (i::bigint * 104729 + 17) % ${USERS}
    `)
  }
  await db.raw('ALTER TABLE transactions ENABLE TRIGGER transactions_screened')
  await db.raw('ALTER TABLE transactions ENABLE TRIGGER transactions_dashboard_backdated')
  await db.raw('VACUUM ANALYZE')
  line('admin_seed_transactions', TRANSACTIONS, 'rows')
  line('admin_seed_seconds', (Date.now() - t0) / 1000, 's')
  await db.destroy()
}

async function timed(name: string, runs: Array<() => Promise<unknown>>) {
  for (const r of runs.slice(0, 3)) await r() // warm the cache
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const run = runs[i % runs.length]!
    const t = performance.now()
    await run()
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  line(`${name}_p50`, percentile(ms, 50), 'ms')
  line(`${name}_p95`, percentile(ms, 95), 'ms')
}

export async function benchAdmin() {
  const admin = connect({ url: baseUrl, poolMax: 1 })
  await admin.raw(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`)
  await admin.raw(`CREATE DATABASE ${NAME}`)
  await admin.destroy()
  const u = new URL(baseUrl)
  u.pathname = `/${NAME}`
  const url = u.toString()
  await seed(url)

  const db = connect({ url, poolMax: 4, applicationName: 'gopay-bench-admin' })
  const config = loadConfig({ GOPAY_DEMO: '0' } as NodeJS.ProcessEnv, {
    databaseUrl: url,
    jwtSecret: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
  })
  const s = createServices(db, config)
  const someone = (await db('parties')
    .where({ kind: 'user' })
    .orderByRaw('random()')
    .limit(20)
    .select('id', 'phone')) as Array<{
    id: string
    phone: string
  }>
  const ref = (await db('transactions').whereNotNull('reference').orderByRaw('random()').first('id'))
    .id as string
  const page1 = await s.transactionAdmin.search({ limit: 50 })
  const cursor = { at: page1[49]!.cursorAt, id: page1[49]!.id }
  const week = new Date(Date.now() - 7 * 86_400_000).toISOString()
  let k = 0
  const next = () => someone[k++ % someone.length]!

  // The first read of a period rolls up its closed days (migration 0017): once, for the whole history.
  const first = performance.now()
  await s.dashboard.dashboard({ from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10) })
  line('admin_dashboard_first_read_year', (performance.now() - first) / 1000, 's')
  await timed('admin_dashboard', [() => s.dashboard.dashboard({})])
  const from30 = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
  await timed('admin_dashboard_30_days', [() => s.dashboard.dashboard({ from: from30 })])
  const from365 = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
  await timed('admin_dashboard_year', [() => s.dashboard.dashboard({ from: from365 })])
  await timed('admin_transaction_search', [
    () => s.transactionAdmin.search({ limit: 50 }),
    () => s.transactionAdmin.search({ limit: 50, cursor }),
    () => s.transactionAdmin.search({ limit: 50, type: 'airtime' }),
    () => s.transactionAdmin.search({ limit: 50, status: 'failed' }),
    () => s.transactionAdmin.search({ limit: 50, status: 'pending', from: week }),
    () => s.transactionAdmin.search({ limit: 50, party: next().id }),
    () => s.transactionAdmin.search({ limit: 50, party: next().phone }),
    () => s.transactionAdmin.search({ limit: 50, type: 'p2p', min: 1_500_000, max: 1_600_000 }),
    () => s.transactionAdmin.search({ limit: 50, q: ref.slice(0, 8).toUpperCase() }),
  ])
  await timed('admin_user_search', [
    () => s.userAdmin.search({ limit: 50 }),
    () => s.userAdmin.search({ limit: 50, q: next().phone }),
    () => s.userAdmin.search({ limit: 50, q: `07${next().phone.slice(5, 9)}` }),
    () => s.userAdmin.search({ limit: 50, q: 'amina' }),
    () => s.userAdmin.search({ limit: 50, q: 'Otieno Kar' }),
    () => s.userAdmin.search({ limit: 50, q: `ID${next().phone.slice(5, 11)}` }),
  ])
  await db.destroy()
}
