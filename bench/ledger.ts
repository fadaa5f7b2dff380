import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { Pool } from 'undici'
import { connect, migrateLatest } from '@gopay/db'
import { line, summarise } from './stats'

const CLIENTS = 64
const WALLETS = 10_000
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const ONLY = process.env.BENCH_ONLY
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const secret = `bench-${randomUUID()}-${randomUUID()}`

function dbUrl(name: string) {
  const u = new URL(baseUrl)
  u.pathname = `/${name}`
  return u
}

async function recreate(name: string) {
  const admin = connect({ url: baseUrl, poolMax: 1 })
  await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.raw(`CREATE DATABASE ${name}`)
  await admin.destroy()
}

/** (a) pgbench's built-in TPC-B-like script, scale 10, the same client count. */
async function pgbenchTpcb() {
  await recreate('gopay_bench_pgbench')
  const u = dbUrl('gopay_bench_pgbench')
  const conn = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    'gopay_bench_pgbench',
  ]
  execFileSync('pgbench', ['-i', '-s', '10', '-q', ...conn], { stdio: 'ignore' })
  await settle(u.toString())
  const dir = mkdtempSync(join(tmpdir(), 'pgbench-'))
  const out = execFileSync(
    'pgbench',
    [
      '-c',
      String(CLIENTS),
      '-j',
      '2',
      '-T',
      String(SECONDS),
      '-b',
      'tpcb-like',
      '-n',
      '-l',
      `--log-prefix=${join(dir, 'log')}`,
      ...conn,
    ],
    {
      encoding: 'utf8',
    },
  )
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1])
  const latencies: number[] = []
  for (const f of readdirSync(dir))
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const us = Number(l.split(' ')[2])
      if (l && Number.isFinite(us)) latencies.push(us / 1000)
    }
  rmSync(dir, { recursive: true, force: true })
  return { tps, ...summarise(latencies) }
}

/** Both sides start measured runs the same way: statistics fresh, set-up writes checkpointed. */
async function settle(url: string) {
  const db = connect({ url, poolMax: 1 })
  await db.raw('VACUUM ANALYZE')
  await db.raw('CHECKPOINT')
  await db.destroy()
}

async function seedWallets(url: string) {
  const db = connect({ url, poolMax: 2 })
  await migrateLatest(db)
  await db.raw(`
    INSERT INTO parties (kind, roles, display_name, phone, status, kyc_tier)
    SELECT 'user', '{user}', 'Bench ' || i, '+2547' || lpad(i::text, 8, '0'), 'active', 2 FROM generate_series(1, ${WALLETS}) i;
    INSERT INTO parties (kind, roles, display_name, phone, status, kyc_tier) VALUES ('merchant', '{merchant}', 'Bench Till', '+254799999999', 'active', 2);
    INSERT INTO merchants (party_id, code, business_name) SELECT id, '590001', 'Bench Till' FROM parties WHERE kind = 'merchant';
    SELECT ledger_open_account('user_wallet', 'KES', id, true) FROM parties WHERE kind = 'user';
    SELECT ledger_open_account('merchant', 'KES', id, true, 32::smallint) FROM parties WHERE kind = 'merchant';
    SELECT ledger_open_account('bank_settlement', 'KES', NULL, false, 16::smallint);
    SELECT ledger_open_account('fee_revenue', 'KES', NULL, false, 16::smallint);
    SELECT ledger_post(gen_random_uuid(), NULL, 'transfer', 'KES',
      ARRAY[(SELECT id FROM ledger_accounts WHERE type = 'bank_settlement'), a.id], ARRAY[-10000000, 10000000]::bigint[])
    FROM ledger_accounts a WHERE a.type = 'user_wallet';
    INSERT INTO refresh_token_families (party_id) SELECT id FROM parties WHERE kind = 'user';
    `)
  const rows = await db.raw(
    `SELECT p.id, p.phone, f.id AS sid FROM parties p JOIN refresh_token_families f ON f.party_id = p.id ORDER BY p.phone`,
  )
  await db.destroy()
  await settle(url)
  // The benchmark measures payments, not logins: tokens are signed directly with the API's secret.
  return rows.rows.map((r: { id: string; phone: string; sid: string }) => ({
    phone: r.phone,
    token: jwt.sign({ roles: ['user'], sid: r.sid, typ: 'access' }, secret, {
      algorithm: 'HS256',
      expiresIn: 900,
      issuer: 'gopay',
      subject: r.id,
    }),
  }))
}

async function startApi(url: string, port: number) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      'core-api/src/main.ts',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        JWT_SECRET: secret,
        CORE_API_PORT: String(port),
        LOG_LEVEL: 'warn',
        GOPAY_DB_POOL: process.env.BENCH_POOL ?? '24',
        GOPAY_JOBS: '0',
        GOPAY_DEMO: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve())
    child.once('exit', (code) => reject(new Error(`core API exited with ${code}`)))
  })
  return child
}

async function drive(api: string, next: () => { path: string; token: string; body: object }) {
  const pool = new Pool(api, { connections: CLIENTS, pipelining: 1 })
  await load(pool, next, 3)
  return load(pool, next, SECONDS).finally(() => pool.close())
}

/** CLIENTS clients, each sending its next request as soon as the last is answered, for `seconds`. */
async function load(pool: Pool, next: () => { path: string; token: string; body: object }, seconds: number) {
  const latencies: number[] = []
  let failed = 0
  const deadline = Date.now() + seconds * 1000
  const started = Date.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < deadline) {
        const req = next()
        const t0 = performance.now()
        const res = await pool.request({
          method: 'POST',
          path: req.path,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${req.token}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(req.body),
        })
        await res.body.text()
        if (res.statusCode === 201) latencies.push(performance.now() - t0)
        else failed++
      }
    }),
  )
  const elapsed = (Date.now() - started) / 1000
  return { tps: latencies.length / elapsed, failed, ...summarise(latencies) }
}

export async function benchLedger() {
  console.log(
    `# ledger benchmark: ${CLIENTS} clients, ${SECONDS}s per run, PostgreSQL at ${new URL(baseUrl).host}`,
  )
  const a = ONLY === 'api' ? { tps: NaN, p50: NaN, p99: NaN } : await pgbenchTpcb()
  line('pgbench_tpcb_tps', a.tps, 'tx/s')
  line('pgbench_tpcb_p50', a.p50, 'ms')
  line('pgbench_tpcb_p99', a.p99, 'ms')

  await recreate('gopay_bench')
  const url = dbUrl('gopay_bench').toString()
  const wallets = await seedWallets(url)
  const port = 18_000 + Math.floor(Math.random() * 1000)
  const child = await startApi(url, port)
  const pick = () => wallets[Math.floor(Math.random() * wallets.length)]!
  try {
    const b = await drive(`http://127.0.0.1:${port}`, () => {
      const from = pick()
      let to = pick()
      while (to === from) to = pick()
      return {
        path: '/v1/transfers',
        token: from.token,
        body: { toPhone: to.phone, amount: 1_000 + Math.floor(Math.random() * 20_000) },
      }
    })
    line('p2p_http_tps', b.tps, 'tx/s')
    line('p2p_http_p50', b.p50, 'ms')
    line('p2p_http_p99', b.p99, 'ms')
    line('p2p_http_failed', b.failed, 'requests')
    const c = await drive(`http://127.0.0.1:${port}`, () => ({
      path: '/v1/merchant-payments',
      token: pick().token,
      body: { merchantCode: '590001', amount: 1_000 + Math.floor(Math.random() * 20_000) },
    }))
    line('merchant_http_tps', c.tps, 'tx/s')
    line('merchant_http_p50', c.p50, 'ms')
    line('merchant_http_p99', c.p99, 'ms')
    line('merchant_http_failed', c.failed, 'requests')
    line('ratio_p2p_over_pgbench', b.tps / a.tps, '(target >= 0.5)')
    line('ratio_merchant_over_pgbench', c.tps / a.tps, '(target >= 0.3)')
  } finally {
    child.kill('SIGINT')
    await new Promise((r) => child.once('exit', r))
  }
}
