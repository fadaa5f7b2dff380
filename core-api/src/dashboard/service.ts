import type { Db } from '@gopay/db'

export interface Figures {
  from: string
  to: string
  currency: string
  byType: Array<{ type: string; count: number; value: bigint }>
  activeUsers: number
  registrations: number
  feesEarned: bigint
  failed: number
  pending: number
}

/** The day `date` (YYYY-MM-DD) in the service's time zone, as an instant range [from, to). */
export async function dayRange(db: Db, timezone: string, fromDate: string, toDate = fromDate) {
  const { rows } = await db.raw(
    `SELECT (?::date)::timestamp AT TIME ZONE ? AS "from", ((?::date) + 1)::timestamp AT TIME ZONE ? AS "to"`,
    [fromDate, timezone, toDate, timezone],
  )
  return { from: new Date(rows[0].from), to: new Date(rows[0].to) }
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10)
const maxDate = (a: string, b: string) => (a > b ? a : b)
const minDate = (a: string, b: string) => (a < b ? a : b)

/**
 * The dashboard's figures. Days that closed more than two hours ago are read from the roll-ups of
 * migration 0017 (built here on first read, thrown away by a trigger when an old transaction changes);
 * the rest of a period (today) is computed live from the indexes of 0015/0016. The figures are exact
 * either way: `figures.test.ts` compares them with the direct SQL.
 *
 * Active users: user parties that paid (were the payer of a transaction of any status) in the period.
 */
export function createDashboard({ db, timezone, currency }: { db: Db; timezone: string; currency: string }) {
  const zone = timezone
  const lockRollups = (trx: Db) => trx.raw(`SELECT pg_advisory_xact_lock(hashtext('dashboard_rollups'))`)

  /** Rolls up the days in [fromDate, toDate] that are not yet rolled up (all of them closed days). */
  async function rollUpDays(fromDate: string, toDate: string) {
    if (fromDate > toDate) return
    const missingSql = `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(?::date, ?::date, interval '1 day') d
       WHERE NOT EXISTS (SELECT 1 FROM dashboard_days x WHERE x.zone = ? AND x.day = d::date)`
    const first = await db.raw(missingSql, [fromDate, toDate, zone])
    if (first.rows.length === 0) return
    await db.transaction(async (trx) => {
      await lockRollups(trx)
      const { rows } = await trx.raw(missingSql, [fromDate, toDate, zone])
      const days = (rows as Array<{ day: string }>).map((r) => r.day)
      if (days.length === 0) return
      const range = await dayRange(trx, zone, days[0]!, days[days.length - 1]!)
      await trx.raw(`INSERT INTO dashboard_days (zone, day) SELECT ?, unnest(?::date[])`, [zone, days])
      await trx.raw(
        `INSERT INTO dashboard_day_totals (zone, day, currency, type, status, count, amount, fee)
         SELECT ?, (created_at AT TIME ZONE ?)::date, currency, type, status, count(*), sum(amount), sum(fee)
         FROM transactions
         WHERE created_at >= ? AND created_at < ? AND (created_at AT TIME ZONE ?)::date = ANY(?::date[])
         GROUP BY 2, 3, 4, 5`,
        [zone, zone, range.from, range.to, zone, days],
      )
    })
  }

  /** Extends the paying parties' days through `closed` (a closed day). */
  async function rollUpPartyDays(closed: string) {
    const read = (trx: Db) =>
      trx.raw(
        `SELECT to_char(through, 'YYYY-MM-DD') AS through FROM dashboard_party_watermark WHERE zone = ?`,
        [zone],
      )
    const seen = (await read(db)).rows[0]?.through as string | undefined
    if (seen !== undefined && seen >= closed) return
    const added = await db.transaction(async (trx) => {
      await lockRollups(trx)
      const through = (await read(trx)).rows[0]?.through as string | undefined
      if (through !== undefined && through >= closed) return 0
      const end = (await dayRange(trx, zone, closed)).to
      const start =
        through === undefined ? new Date(0) : (await dayRange(trx, zone, addDays(through, 1))).from
      // The previous day within the new days is lag(); the first new day of a party that paid before
      // takes its last day up to the watermark in a second step (a correlated lookup inside the big
      // INSERT ... SELECT was measured at minutes on the first read of a million transactions).
      const inserted = await trx.raw(
        `INSERT INTO dashboard_party_days (zone, party_id, day, prev_day)
         SELECT ?, d.party_id, d.day, lag(d.day) OVER (PARTITION BY d.party_id ORDER BY d.day)
         FROM (SELECT DISTINCT t.payer_party_id AS party_id, (t.created_at AT TIME ZONE ?)::date AS day
               FROM transactions t JOIN parties p ON p.id = t.payer_party_id AND p.kind = 'user'
               WHERE t.created_at >= ? AND t.created_at < ?) d`,
        [zone, zone, start, end],
      )
      if (through !== undefined)
        await trx.raw(
          `UPDATE dashboard_party_days n SET prev_day = o.day
           FROM (SELECT DISTINCT ON (x.party_id) x.party_id, x.day FROM dashboard_party_days x
                 JOIN dashboard_party_days y ON y.zone = x.zone AND y.party_id = x.party_id AND y.day > ?
                   AND y.prev_day IS NULL
                 WHERE x.zone = ? AND x.day <= ? ORDER BY x.party_id, x.day DESC) o
           WHERE n.zone = ? AND n.party_id = o.party_id AND n.day > ? AND n.prev_day IS NULL`,
          [through, zone, through, zone, through],
        )
      await trx.raw(
        `INSERT INTO dashboard_party_watermark (zone, through) VALUES (?, ?)
         ON CONFLICT (zone) DO UPDATE SET through = excluded.through`,
        [zone, closed],
      )
      return inserted.rowCount as number
    })
    // The count reads the index alone once the visibility map covers the new rows; after a large
    // catch-up (the first read of a long history) do not wait for autovacuum.
    if (added > 50_000) await db.raw('VACUUM (ANALYZE) dashboard_party_days, dashboard_day_totals')
  }

  type Totals = Array<{
    currency: string
    type: string
    status: string
    count: number
    amount: bigint
    fee: bigint
  }>

  async function figures(fromDate: string, toDate: string, closed: string, attempt = 1): Promise<Figures> {
    const all = await dayRange(db, zone, fromDate, toDate)
    const rolledTo = minDate(toDate, closed) // [fromDate, rolledTo] from the roll-ups
    const liveFrom = maxDate(fromDate, addDays(closed, 1)) // [liveFrom, toDate] live
    const rolled = fromDate <= rolledTo
    const live = liveFrom <= toDate ? await dayRange(db, zone, liveFrom, toDate) : undefined
    if (rolled) await Promise.all([rollUpDays(fromDate, rolledTo), rollUpPartyDays(closed)])
    const none = { rows: [] as Totals }
    const [rolledTotals, liveTotals, rolledActive, liveActive, registrations] = await Promise.all([
      rolled
        ? db.raw(
            `SELECT currency, type, status, sum(count)::int AS count, sum(amount)::bigint AS amount, sum(fee)::bigint AS fee
             FROM dashboard_day_totals WHERE zone = ? AND day BETWEEN ? AND ? GROUP BY 1, 2, 3
             UNION ALL SELECT NULL, NULL, '#days', count(*)::int, 0, 0 FROM dashboard_days
             WHERE zone = ? AND day BETWEEN ? AND ?`,
            [zone, fromDate, rolledTo, zone, fromDate, rolledTo],
          )
        : none,
      live
        ? db.raw(
            `SELECT currency, type, status, count(*)::int AS count, coalesce(sum(amount), 0)::bigint AS amount,
               coalesce(sum(fee), 0)::bigint AS fee
             FROM transactions WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2, 3`,
            [live.from, live.to],
          )
        : none,
      rolled
        ? db.raw(
            `SELECT count(*)::int AS n, coalesce((SELECT through >= ?::date FROM dashboard_party_watermark
               WHERE zone = ?), false) AS complete FROM dashboard_party_days
             WHERE zone = ? AND day BETWEEN ? AND ? AND (prev_day IS NULL OR prev_day < ?)`,
            [rolledTo, zone, zone, fromDate, rolledTo, fromDate],
          )
        : { rows: [{ n: 0, complete: true }] },
      live
        ? db.raw(
            `SELECT count(*)::int AS n, coalesce((SELECT through >= ?::date FROM dashboard_party_watermark
               WHERE zone = ?), false) AS complete FROM (SELECT DISTINCT payer_party_id FROM transactions
               WHERE created_at >= ? AND created_at < ? AND payer_party_id IS NOT NULL) d
             JOIN parties p ON p.id = d.payer_party_id AND p.kind = 'user'
             WHERE NOT EXISTS (SELECT 1 FROM dashboard_party_days x
               WHERE x.zone = ? AND x.party_id = d.payer_party_id AND x.day BETWEEN ? AND ?)`,
            [rolledTo, zone, live.from, live.to, zone, fromDate, rolledTo],
          )
        : { rows: [{ n: 0, complete: true }] },
      db('parties')
        .where({ kind: 'user' })
        .where('created_at', '>=', all.from)
        .where('created_at', '<', all.to)
        .count('* as n'),
    ])
    // Each read checks, in its own snapshot, that the roll-ups it used were complete: a change to an old
    // transaction may have thrown days away between the roll-up above and the reads. Then roll up again.
    const days = (rolledTotals.rows as Totals).find((r) => r.status === '#days')
    const complete =
      !rolled ||
      (Number(days?.count) === (Date.parse(rolledTo) - Date.parse(fromDate)) / 86_400_000 + 1 &&
        rolledActive.rows[0].complete &&
        (!live || liveActive.rows[0].complete))
    if (!complete && attempt < 5) return figures(fromDate, toDate, closed, attempt + 1)
    if (!complete) throw new Error('dashboard roll-ups kept changing under the read')
    const byType = new Map<string, { type: string; count: number; value: bigint }>()
    let feesEarned = 0n
    let failed = 0
    let pending = 0
    for (const r of [...(rolledTotals.rows as Totals), ...(liveTotals.rows as Totals)]) {
      if (r.status === '#days') continue
      if (r.status === 'failed') failed += Number(r.count)
      if (r.status === 'pending') pending += Number(r.count)
      if (r.status !== 'completed' || r.currency !== currency) continue
      const t = byType.get(r.type) ?? { type: r.type, count: 0, value: 0n }
      t.count += Number(r.count)
      t.value += BigInt(r.amount)
      byType.set(r.type, t)
      feesEarned += BigInt(r.fee)
    }
    return {
      from: all.from.toISOString(),
      to: all.to.toISOString(),
      currency,
      byType: [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
      activeUsers: Number(rolledActive.rows[0].n) + Number(liveActive.rows[0].n),
      registrations: Number(registrations[0]!.n),
      feesEarned,
      failed,
      pending,
    }
  }

  async function agents() {
    const { rows } = await db.raw(
      `SELECT g.party_id AS id, g.code, g.business_name, g.float_threshold,
         coalesce(sum(b.available + b.held), 0)::bigint AS balance
       FROM agents g
       LEFT JOIN ledger_accounts a ON a.party_id = g.party_id AND a.type = 'agent_float' AND a.currency = ?
       LEFT JOIN ledger_balances b ON b.account_id = a.id
       GROUP BY g.party_id, g.code, g.business_name, g.float_threshold
       ORDER BY (coalesce(sum(b.available + b.held), 0) - g.float_threshold), g.code`,
      [currency],
    )
    const positions = rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      code: r.code as string,
      businessName: r.business_name as string,
      floatBalance: BigInt(r.balance as bigint),
      floatThreshold: BigInt(r.float_threshold as bigint),
      belowThreshold: BigInt(r.balance as bigint) < BigInt(r.float_threshold as bigint),
    }))
    return {
      count: positions.length,
      belowThreshold: positions.filter((p: { belowThreshold: boolean }) => p.belowThreshold).length,
      positions,
    }
  }

  return {
    async dashboard(q: { from?: string; to?: string }) {
      // A day is closed (rolled up) once it ended more than two hours ago. Migration 0017's triggers see
      // changes to transactions older than an hour; the hour between covers a writer's transaction that
      // began before a day was rolled up and commits after (only one open for over an hour could slip).
      const { rows } = await db.raw(
        `SELECT to_char(now() AT TIME ZONE ?, 'YYYY-MM-DD') AS today,
           to_char(((now() - interval '2 hours') AT TIME ZONE ?)::date - 1, 'YYYY-MM-DD') AS closed`,
        [timezone, timezone],
      )
      const today: string = rows[0].today
      const closed: string = rows[0].closed
      const fromDate = q.from ?? addDays(today, -6)
      const toDate = q.to ?? today
      const [todayFigures, periodFigures, agentFigures] = await Promise.all([
        figures(today, today, closed),
        figures(fromDate, toDate, closed),
        agents(),
      ])
      return { timezone, today: todayFigures, period: periodFigures, agents: agentFigures }
    },
  }
}
export type Dashboard = ReturnType<typeof createDashboard>
