import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type Db } from './connection'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded'
import { migrateLatest } from './migrator'

// The embedded default (npm start without DATABASE_URL): PGlite is a single backend behind a socket
// that multiplexes connections. These prove transactions from many connections stay isolated.
describe('embedded PGlite', () => {
  let pg: EmbeddedPostgres
  let db: Db
  let other: Db
  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ maxConnections: 8 })
    db = connect({ url: pg.url, poolMax: 4 })
    other = connect({ url: pg.url, poolMax: 2 })
    await migrateLatest(db)
  })
  afterAll(async () => {
    await other?.destroy()
    await db?.destroy()
    await pg?.stop()
  })

  it('never shows another connection uncommitted or rolled-back rows', async () => {
    const seen: number[] = []
    await db
      .transaction(async (trx) => {
        await trx('parties').insert({ kind: 'user', roles: [], display_name: 'rolled back' })
        // Issued while the transaction is open; it must not read the uncommitted row.
        const probe = other('parties').where({ display_name: 'rolled back' }).count({ n: '*' }).first()
        await new Promise((r) => setTimeout(r, 50))
        void probe.then((r) => seen.push(Number(r!.n)))
        throw new Error('roll back')
      })
      .catch(() => undefined)
    await new Promise((r) => setTimeout(r, 100))
    expect(seen).toEqual([0])
    expect(
      Number((await other('parties').where({ display_name: 'rolled back' }).count({ n: '*' }).first())!.n),
    ).toBe(0)
  })

  it('keeps balances exact under concurrent transfers from several connections', async () => {
    const { rows } = await db.raw(
      `SELECT ledger_open_account('bank_settlement', 'KES', NULL, false, 4::smallint) AS bank`,
    )
    const bank = rows[0].bank as bigint
    const wallets: bigint[] = []
    for (let i = 0; i < 4; i++) {
      const [p] = await db('parties')
        .insert({ kind: 'user', roles: [], display_name: `w${i}` })
        .returning('id')
      const r = await db.raw(`SELECT ledger_open_account('user_wallet', 'KES', ?, true) AS id`, [p.id])
      wallets.push(r.rows[0].id)
      await db.raw(
        `SELECT ledger_post(gen_random_uuid(), NULL, 'transfer', 'KES', ?::bigint[], ?::bigint[])`,
        [[bank, r.rows[0].id].map(String), ['-1000', '1000']],
      )
    }
    const pools = [db, other]
    const outcomes = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        pools[i % 2]!.transaction(async (trx) => {
          const from = wallets[i % 4]!
          const to = wallets[(i + 1) % 4]!
          const r = await trx.raw(
            `SELECT ledger_post(gen_random_uuid(), NULL, 'transfer', 'KES', ?::bigint[], ?::bigint[]) AS o`,
            [[from, to].map(String), [String(-(i + 1)), String(i + 1)]],
          )
          return r.rows[0].o as string
        }),
      ),
    )
    expect(outcomes.every((o) => o === 'ok')).toBe(true)
    const net = new Map<bigint, number>(wallets.map((w) => [w, 1000]))
    for (let i = 0; i < 80; i++) {
      net.set(wallets[i % 4]!, net.get(wallets[i % 4]!)! - (i + 1))
      net.set(wallets[(i + 1) % 4]!, net.get(wallets[(i + 1) % 4]!)! + (i + 1))
    }
    for (const w of wallets) {
      const b = await db('ledger_balances')
        .where({ account_id: w.toString() })
        .sum({ s: 'available' })
        .first()
      expect(Number(b!.s)).toBe(net.get(w))
    }
    const tb = await db.raw('SELECT sum(amount)::bigint AS s FROM postings')
    expect(tb.rows[0].s).toBe(0n)
  })
  it('keeps each connection’s extended-protocol queries whole: no mixed parameters or results', async () => {
    // Two statement shapes with different parameter counts, outside any transaction, from many
    // connections at once: interleaved Parse/Bind messages would bind one to the other's statement.
    const own = await startEmbeddedPostgres({ maxConnections: 16 })
    const many = connect({ url: own.url, poolMax: 8 })
    try {
      const two = (q: import('./connection').Executor, i: number) =>
        q.raw('SELECT ?::int + ?::int AS v', [i, 1]).then((r) => Number(r.rows[0].v) === i + 1)
      const five = (q: import('./connection').Executor, i: number) =>
        q
          .raw('SELECT ?::text || ?::text || ?::text || ?::text || ?::text AS v', [
            'a',
            'b',
            'c',
            'd',
            String(i),
          ])
          .then((r) => r.rows[0].v === `abcd${i}`)
      // Some in transactions (the jobs' and payments' shape), some not (look-ups).
      const answers = await Promise.allSettled(
        Array.from({ length: 400 }, (_, i) =>
          i % 4 === 0
            ? many.transaction(async (trx) => (await two(trx, i)) && (await five(trx, i)))
            : i % 2
              ? two(many, i)
              : five(many, i),
        ),
      )
      const failed = answers.filter((a) => a.status === 'rejected' || !a.value)
      expect(
        failed.map((a) => (a.status === 'rejected' ? String(a.reason) : 'wrong result')).slice(0, 3),
      ).toEqual([])
    } finally {
      await many.destroy()
      await own.stop()
    }
  })
  it('a client that goes away inside a transaction leaves nothing behind and blocks no one', async () => {
    const { default: pgDriver } = await import('pg')
    const client = new pgDriver.Client({ connectionString: pg.url })
    client.on('error', () => undefined) // it is cut off on purpose below
    await client.connect()
    await client.query('BEGIN')
    await client.query(`INSERT INTO parties (kind, roles, display_name) VALUES ('user', '{}', 'gone away')`)
    // Another connection waits for the backend meanwhile; the dead client must not hold it.
    const waiting = other('parties').where({ display_name: 'gone away' }).count({ n: '*' }).first()
    ;(client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()
    expect(Number((await waiting)!.n)).toBe(0)
    await client.end().catch(() => undefined)
  })
})
