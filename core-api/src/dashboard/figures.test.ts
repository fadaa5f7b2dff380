import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { dayRange } from './service'

/**
 * The dashboard's roll-ups (migration 0017) give the same figures as the direct SQL over the
 * transactions, for periods of closed days, periods ending today, and after old transactions change.
 */
describe.skipIf(needsDatabase)('dashboard figures from roll-ups', () => {
  let api: TestApi
  let today: string
  const addDays = (d: string, n: number) =>
    new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10)

  beforeAll(async () => {
    api = await startTestApi()
    const db = api.tdb.db
    today = (await db.raw(`SELECT to_char(now() AT TIME ZONE ?, 'YYYY-MM-DD') AS d`, [api.config.timezone]))
      .rows[0].d
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => api.user()))
    const agent = await api.agent()
    const payers = [...users.map((u) => u.id), agent.id, null]
    // 600 transactions over the last 75 days, one every 3 h 1 min (so they cross local midnights), of
    // every status, two currencies, user, agent and no payer.
    await db.raw(
      `INSERT INTO transactions (id, type, status, currency, amount, fee, payer_party_id, payee_party_id, created_at)
       SELECT gen_random_uuid(), (ARRAY['p2p','cash_in','merchant_payment','airtime'])[1 + i % 4],
         (ARRAY['completed','completed','failed','pending','reversed'])[1 + i % 5],
         CASE WHEN i % 11 = 0 THEN 'USD' ELSE 'KES' END, 100 + i * 7, i % 13,
         (?::uuid[])[1 + (i * 7) % ?], ?::uuid, now() - i * interval '3 hours 1 minute'
       FROM generate_series(1, 600) i`,
      [`{${payers.map((p) => p ?? 'NULL').join(',')}}`, payers.length, users[0]!.id],
    )
  })
  afterAll(async () => {
    await api.close()
  })

  /** The figures as the direct SQL over the transactions computes them (the code before the roll-ups). */
  async function direct(fromDate: string, toDate: string) {
    const db = api.tdb.db
    const { from, to } = await dayRange(db, api.config.timezone, fromDate, toDate)
    const currency = api.config.currency
    const byType = await db.raw(
      `SELECT type, count(*)::int AS count, sum(amount)::bigint AS value, sum(fee)::bigint AS fees FROM transactions
       WHERE created_at >= ? AND created_at < ? AND status = 'completed' AND currency = ? GROUP BY type ORDER BY type`,
      [from, to, currency],
    )
    const status = await db.raw(
      `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM transactions WHERE created_at >= ? AND created_at < ?`,
      [from, to],
    )
    const active = await db.raw(
      `SELECT count(DISTINCT t.payer_party_id)::int AS n FROM transactions t JOIN parties p ON p.id = t.payer_party_id
       WHERE p.kind = 'user' AND t.created_at >= ? AND t.created_at < ?`,
      [from, to],
    )
    const rows = byType.rows as Array<{ type: string; count: number; value: string; fees: string }>
    return {
      byType: rows.map((r) => ({ type: r.type, count: r.count, value: BigInt(r.value) })),
      activeUsers: active.rows[0].n as number,
      feesEarned: rows.reduce((s, r) => s + BigInt(r.fees), 0n),
      failed: status.rows[0].failed as number,
      pending: status.rows[0].pending as number,
    }
  }

  async function expectExact(fromDate: string, toDate: string) {
    const { period } = await api.services.dashboard.dashboard({ from: fromDate, to: toDate })
    const want = await direct(fromDate, toDate)
    expect({
      byType: period.byType,
      activeUsers: period.activeUsers,
      feesEarned: period.feesEarned,
      failed: period.failed,
      pending: period.pending,
    }).toEqual(want)
    return period
  }

  const periods = () => [
    [addDays(today, -29), today],
    [addDays(today, -6), today],
    [today, today],
    [addDays(today, -1), addDays(today, -1)],
    [addDays(today, -60), addDays(today, -20)],
    [addDays(today, -364), today],
    [addDays(today, -40), addDays(today, -40)],
  ]

  it('equals the direct SQL for closed days, today, and periods spanning both', async () => {
    for (const [from, to] of periods()) await expectExact(from!, to!)
    // The closed days really are read from the roll-ups (a second read finds them there).
    const rolled = await api.tdb.db('dashboard_days').where({ zone: api.config.timezone }).count('* as n')
    expect(Number(rolled[0]!.n)).toBeGreaterThan(300)
    const parties = await api.tdb.db('dashboard_party_days').count('* as n')
    expect(Number(parties[0]!.n)).toBeGreaterThan(50)
    for (const [from, to] of periods()) await expectExact(from!, to!)
    // Over HTTP: today's figures and the default period (the last 7 days).
    const res = await api.call('GET', '/v1/admin/dashboard', { token: (await api.staff('admin')).token })
    expect(res.status).toBe(200)
    const live = await direct(today, today)
    expect(res.body.today.activeUsers).toBe(live.activeUsers)
    expect(res.body.today.failed).toBe(live.failed)
    expect(res.body.period.activeUsers).toBe((await direct(addDays(today, -6), today)).activeUsers)
  })

  it('a reversal, a settlement or a back-dated payment on an old day is reflected at once', async () => {
    const db = api.tdb.db
    const from = addDays(today, -29)
    const before = await expectExact(from, today)
    // Reverse an old completed payment and settle an old pending one.
    const old = await db('transactions')
      .where({ status: 'completed', currency: 'KES' })
      .where('created_at', '<', db.raw(`now() - interval '10 days'`))
      .where('created_at', '>', db.raw(`now() - interval '20 days'`))
      .first('id', 'amount')
    await db('transactions').where({ id: old.id }).update({ status: 'reversed' })
    const pending = await db('transactions')
      .where({ status: 'pending' })
      .where('created_at', '<', db.raw(`now() - interval '5 days'`))
      .where('created_at', '>', db.raw(`now() - interval '20 days'`))
      .first('id')
    await db('transactions').where({ id: pending.id }).update({ status: 'completed' })
    const after = await expectExact(from, today)
    expect(after.pending).toBe(before.pending - 1)
    // A user who never paid pays, back-dated into a closed day: one more active user.
    const newcomer = await api.user()
    await db.raw(
      `INSERT INTO transactions (id, type, status, currency, amount, payer_party_id, created_at)
       VALUES (gen_random_uuid(), 'p2p', 'failed', 'KES', 500, ?, now() - interval '12 days')`,
      [newcomer.id],
    )
    const later = await expectExact(from, today)
    expect(later.activeUsers).toBe(after.activeUsers + 1)
    for (const [f, t] of periods()) await expectExact(f!, t!)
  })

  it('roll-ups raced by changes to old transactions end up exact', async () => {
    const db = api.tdb.db
    const from = addDays(today, -40)
    const old = (await db('transactions')
      .whereIn('status', ['completed', 'pending'])
      .where('created_at', '<', db.raw(`now() - interval '3 days'`))
      .where('created_at', '>', db.raw(`now() - interval '40 days'`))
      .limit(12)
      .select('id')) as Array<{ id: string }>
    expect(old.length).toBe(12)
    // Throw the roll-ups away so the reads below rebuild them while the changes commit.
    await db.raw(
      `DELETE FROM dashboard_days; DELETE FROM dashboard_party_days; DELETE FROM dashboard_party_watermark`,
    )
    await Promise.all([
      ...old.map((t, i) =>
        db.transaction(async (trx) => {
          await trx('transactions')
            .where({ id: t.id })
            .update({ status: i % 2 ? 'failed' : 'reversed' })
          await new Promise((r) => setTimeout(r, 20 * (i % 4)))
        }),
      ),
      ...[0, 1, 2, 3, 4, 5].map(() => api.services.dashboard.dashboard({ from, to: today })),
    ])
    await expectExact(from, today)
    for (const [f, t] of periods()) await expectExact(f!, t!)
  })
})
