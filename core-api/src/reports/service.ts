import type { Db } from '@gopay/db'
import { stringify } from 'csv-stringify/sync'
import { dayRange } from '../dashboard/service'

export const reportNames = [
  'daily-transactions',
  'agent-commissions',
  'merchant-settlements',
  'trial-balance',
] as const
export type ReportName = (typeof reportNames)[number]

export type Cell = string | number | null
export interface Report {
  name: ReportName
  date: string
  timezone: string
  columns: string[]
  rows: Cell[][]
}

const cell = (v: unknown): Cell =>
  v == null
    ? null
    : typeof v === 'bigint'
      ? Number(v)
      : v instanceof Date
        ? v.toISOString()
        : (v as string | number)

/**
 * The reports for one day in the service's time zone, each read straight from the ledger and the
 * transactions: the screen shows the rows, the CSV carries the same rows.
 */
export function createReports({ db, timezone }: { db: Db; timezone: string }) {
  const queries: Record<
    ReportName,
    { columns: string[]; sql: string; bindings: (from: Date, to: Date) => unknown[] }
  > = {
    'daily-transactions': {
      columns: [
        'id',
        'created_at',
        'type',
        'status',
        'currency',
        'amount',
        'fee',
        'payer',
        'payer_phone',
        'payee',
        'payee_phone',
        'reference',
      ],
      sql: `SELECT t.id, t.created_at, t.type, t.status, t.currency, t.amount, t.fee,
              pa.display_name AS payer, pa.phone AS payer_phone, pb.display_name AS payee, pb.phone AS payee_phone,
              t.reference
            FROM transactions t
            LEFT JOIN parties pa ON pa.id = t.payer_party_id
            LEFT JOIN parties pb ON pb.id = t.payee_party_id
            WHERE t.created_at >= ? AND t.created_at < ? ORDER BY t.created_at, t.id`,
      bindings: (from, to) => [from, to],
    },
    'agent-commissions': {
      columns: [
        'agent_code',
        'business_name',
        'currency',
        'transactions',
        'commission_earned',
        'commission_paid_out',
      ],
      sql: `SELECT g.code AS agent_code, g.business_name, a.currency,
              count(DISTINCT je.transaction_id) FILTER (WHERE p.amount > 0) AS transactions,
              coalesce(sum(p.amount) FILTER (WHERE p.amount > 0), 0) AS commission_earned,
              coalesce(-sum(p.amount) FILTER (WHERE p.amount < 0), 0) AS commission_paid_out
            FROM postings p
            JOIN ledger_accounts a ON a.id = p.account_id AND a.type = 'commission_payable'
            JOIN agents g ON g.party_id = a.party_id
            JOIN journal_entries je ON je.id = p.entry_id
            WHERE p.created_at >= ? AND p.created_at < ?
            GROUP BY g.code, g.business_name, a.currency ORDER BY g.code`,
      bindings: (from, to) => [from, to],
    },
    'merchant-settlements': {
      columns: [
        'transaction_id',
        'created_at',
        'merchant_code',
        'business_name',
        'currency',
        'amount',
        'status',
        'bank_account',
      ],
      sql: `SELECT t.id AS transaction_id, t.created_at, m.code AS merchant_code, m.business_name, t.currency,
              t.amount, t.status, m.settlement_bank_account AS bank_account
            FROM transactions t
            JOIN merchants m ON m.party_id = t.payer_party_id
            WHERE t.type = 'merchant_settlement' AND t.created_at >= ? AND t.created_at < ?
            ORDER BY t.created_at, t.id`,
      bindings: (from, to) => [from, to],
    },
    // Every account type's debits and credits up to the end of the day; the totals row must balance.
    'trial-balance': {
      columns: ['currency', 'account_type', 'debits', 'credits', 'balance'],
      sql: `SELECT a.currency, coalesce(a.type, 'TOTAL') AS account_type,
              coalesce(-sum(p.amount) FILTER (WHERE p.amount < 0), 0) AS debits,
              coalesce(sum(p.amount) FILTER (WHERE p.amount > 0), 0) AS credits,
              coalesce(sum(p.amount), 0) AS balance
            FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
            WHERE p.created_at < ? AND ?::timestamptz IS NOT NULL
            GROUP BY ROLLUP (a.currency, a.type)
            HAVING a.currency IS NOT NULL
            ORDER BY a.currency, a.type NULLS LAST`,
      bindings: (from, to) => [to, from],
    },
  }

  return {
    async report(name: ReportName, date: string): Promise<Report> {
      const q = queries[name]
      const { from, to } = await dayRange(db, timezone, date)
      const { rows } = await db.raw(q.sql, q.bindings(from, to) as never)
      return {
        name,
        date,
        timezone,
        columns: q.columns,
        rows: (rows as Array<Record<string, unknown>>).map((r) => q.columns.map((c) => cell(r[c]))),
      }
    },
    csv(r: Report): string {
      return stringify(r.rows, { header: true, columns: r.columns, cast: { number: (n) => String(n) } })
    },
  }
}
export type Reports = ReturnType<typeof createReports>
