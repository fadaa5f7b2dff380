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

/** The dashboard's figures, read from the indexes of 0015/0016 (no table scans on a million rows). */
export function createDashboard({ db, timezone, currency }: { db: Db; timezone: string; currency: string }) {
  async function figures(from: Date, to: Date): Promise<Figures> {
    const [byType, status, active, registrations] = await Promise.all([
      db.raw(
        `SELECT type, count(*)::int AS count, coalesce(sum(amount), 0)::bigint AS value, coalesce(sum(fee), 0)::bigint AS fees
         FROM transactions WHERE created_at >= ? AND created_at < ? AND status = 'completed' AND currency = ?
         GROUP BY type ORDER BY type`,
        [from, to, currency],
      ),
      db.raw(
        `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*) FILTER (WHERE status = 'pending')::int AS pending
         FROM transactions WHERE status <> 'completed' AND created_at >= ? AND created_at < ?`,
        [from, to],
      ),
      db.raw(
        `SELECT count(*)::int AS n FROM (SELECT DISTINCT payer_party_id FROM transactions
           WHERE created_at >= ? AND created_at < ? AND payer_party_id IS NOT NULL) d
         JOIN parties p ON p.id = d.payer_party_id AND p.kind = 'user'`,
        [from, to],
      ),
      db('parties')
        .where({ kind: 'user' })
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .count('* as n'),
    ])
    const rows = byType.rows as Array<{ type: string; count: number; value: bigint; fees: bigint }>
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      currency,
      byType: rows.map((r) => ({ type: r.type, count: Number(r.count), value: BigInt(r.value) })),
      activeUsers: Number(active.rows[0].n),
      registrations: Number(registrations[0]!.n),
      feesEarned: rows.reduce((s, r) => s + BigInt(r.fees), 0n),
      failed: Number(status.rows[0].failed),
      pending: Number(status.rows[0].pending),
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
      const { rows } = await db.raw(`SELECT to_char(now() AT TIME ZONE ?, 'YYYY-MM-DD') AS today`, [timezone])
      const today: string = rows[0].today
      const fromDate =
        q.from ?? (await db.raw(`SELECT to_char((?::date) - 6, 'YYYY-MM-DD') AS d`, [today])).rows[0].d
      const toDate = q.to ?? today
      const t = await dayRange(db, timezone, today)
      const p = await dayRange(db, timezone, fromDate, toDate)
      const [todayFigures, periodFigures, agentFigures] = await Promise.all([
        figures(t.from, t.to),
        figures(p.from, p.to),
        agents(),
      ])
      return { timezone, today: todayFigures, period: periodFigures, agents: agentFigures }
    },
  }
}
export type Dashboard = ReturnType<typeof createDashboard>
