import type { Db } from '@gopay/db'
import { decodeCursor, encodeCursor, methodOf, type SaleMethod } from '../receipts/service'
import { maskPhone } from '@gopay/vocabulary'

export interface Sale {
  id: string
  reference: string
  method: SaleMethod
  status: string
  amount: bigint
  refunded: bigint
  refundable: bigint
  currency: string
  createdAt: string
  payer: { name: string; phone: string | null } | null
}

type Tally = { count: number; total: bigint }

export interface ZReport {
  date: string
  currency: string
  sales: Tally
  byMethod: Record<SaleMethod, Tally>
  refunds: Tally
  /** What the merchant paid in fees that day (settlement fees): sales' fees are the payers'. */
  fees: bigint
  /** Sales less refunds and fees. */
  net: bigint
  settlements: Tally
  generatedAt: string
}

export interface SalesService {
  /** A till's sales of one day (the GoPay time zone's), newest first, with what was refunded of each. */
  day(
    merchantId: string,
    q: { date: string; limit: number; cursor?: string },
  ): Promise<{ items: Sale[]; nextCursor: string | null }>
  /** The end-of-day report of a till. */
  zReport(merchantId: string, date: string): Promise<ZReport>
}

const DAY = `t.created_at >= (?::date)::timestamp AT TIME ZONE ? AND t.created_at < (?::date + 1)::timestamp AT TIME ZONE ?`
const refundedOf = `coalesce((SELECT sum(r.amount) FROM transactions r
  WHERE r.original_transaction_id = t.id AND r.type = 'refund' AND r.status = 'completed'), 0)::bigint`
const byRequest = `EXISTS (SELECT 1 FROM payment_requests pr WHERE pr.paid_transaction_id = t.id)`

export function createSalesService({
  db,
  currency,
  timezone,
}: {
  db: Db
  currency: string
  timezone: string
}): SalesService {
  const dayArgs = (date: string) => [date, timezone, date, timezone]
  return {
    async day(merchantId, { date, limit, cursor }) {
      const after = cursor ? decodeCursor(cursor) : null
      const { rows } = await db.raw(
        `SELECT t.id, t.receipt_ref, t.type, t.status, t.amount, t.currency, t.created_at, t.metadata,
           t.created_at::text AS created_key, ${byRequest} AS by_request, ${refundedOf} AS refunded,
           cp.display_name AS cp_name, cp.phone AS cp_phone
         FROM transactions t LEFT JOIN parties cp ON cp.id = t.payer_party_id
         WHERE t.payee_party_id = ? AND t.type = 'merchant_payment' AND ${DAY}
           ${after ? 'AND (t.created_at, t.id) < (?::timestamptz, ?::uuid)' : ''}
         ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
        [merchantId, ...dayArgs(date), ...(after ?? []), limit + 1] as Array<string | number>,
      )
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        items: page.map((r: Record<string, unknown>) => {
          const amount = r.amount as bigint
          const refunded = r.refunded as bigint
          return {
            id: r.id as string,
            reference: r.receipt_ref as string,
            method: methodOf(r as { type: string; metadata: unknown; by_request: boolean })!,
            status: r.status as string,
            amount,
            refunded,
            refundable: r.status === 'completed' ? amount - refunded : 0n,
            currency: r.currency as string,
            createdAt: (r.created_at as Date).toISOString(),
            payer: r.cp_name
              ? { name: r.cp_name as string, phone: r.cp_phone ? maskPhone(r.cp_phone as string) : null }
              : null,
          }
        }),
        nextCursor: rows.length > limit && last ? encodeCursor(last.created_key, last.id) : null,
      }
    },
    async zReport(merchantId, date) {
      const { rows } = await db.raw(
        `SELECT
           CASE WHEN t.type <> 'merchant_payment' THEN t.type
                WHEN t.metadata->>'method' = 'card' THEN 'card'
                WHEN ${byRequest} THEN 'qr' ELSE 'code' END AS line,
           count(*)::int AS count, coalesce(sum(t.amount), 0)::bigint AS total,
           coalesce(sum(t.fee), 0)::bigint AS fees
         FROM transactions t
         WHERE ${DAY} AND (
           (t.payee_party_id = ? AND t.type = 'merchant_payment' AND t.status = 'completed')
           OR (t.payer_party_id = ? AND t.type = 'refund' AND t.status = 'completed')
           OR (t.payer_party_id = ? AND t.type = 'merchant_settlement' AND t.status IN ('pending', 'completed')))
         GROUP BY 1`,
        [...dayArgs(date), merchantId, merchantId, merchantId],
      )
      const line = (name: string): Tally => {
        const r = rows.find((x: { line: string }) => x.line === name)
        return { count: r?.count ?? 0, total: r?.total ?? 0n }
      }
      const byMethod = { qr: line('qr'), code: line('code'), card: line('card') }
      const sales = {
        count: byMethod.qr.count + byMethod.code.count + byMethod.card.count,
        total: byMethod.qr.total + byMethod.code.total + byMethod.card.total,
      }
      const refunds = line('refund')
      const settlements = line('merchant_settlement')
      const fees =
        (rows.find((x: { line: string }) => x.line === 'merchant_settlement')?.fees as bigint) ?? 0n
      return {
        date,
        currency,
        sales,
        byMethod,
        refunds,
        fees,
        net: sales.total - refunds.total - fees,
        settlements,
        generatedAt: new Date().toISOString(),
      }
    },
  }
}
