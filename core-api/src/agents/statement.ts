import type { Db } from '@gopay/db'

export interface StatementLine {
  postingId: string
  transactionId: string | null
  type: string | null
  amount: bigint
  balanceAfter: bigint
  at: string
}

/** An agent's float, line by line, newest first, with the balance after each line. */
export async function floatStatement(
  db: Db,
  agentId: string,
  currency: string,
  page: { limit: number; before?: string },
) {
  const { rows } = await db.raw(
    `SELECT * FROM (
       SELECT p.id, e.transaction_id, t.type, p.amount, p.created_at,
              sum(p.amount) OVER (ORDER BY p.id)::bigint AS balance_after
       FROM postings p
       JOIN ledger_accounts a ON a.id = p.account_id AND a.party_id = ? AND a.type = 'agent_float' AND a.currency = ?
       JOIN journal_entries e ON e.id = p.entry_id
       LEFT JOIN transactions t ON t.id = e.transaction_id) s
     ${page.before ? 'WHERE s.id < ?' : ''}
     ORDER BY s.id DESC LIMIT ?`,
    [agentId, currency, ...(page.before ? [page.before] : []), page.limit + 1],
  )
  const lines: StatementLine[] = rows.slice(0, page.limit).map((r: Record<string, unknown>) => ({
    postingId: String(r.id),
    transactionId: r.transaction_id as string | null,
    type: r.type as string | null,
    amount: r.amount as bigint,
    balanceAfter: r.balance_after as bigint,
    at: (r.created_at as Date).toISOString(),
  }))
  return { items: lines, nextBefore: rows.length > page.limit ? lines.at(-1)!.postingId : null }
}
