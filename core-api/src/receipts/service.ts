import type { Db, Executor } from '@gopay/db'
import { maskPhone } from '@gopay/vocabulary'

/** How a merchant sale was paid: a dynamic QR, the till code (USSD or static QR), or a GoPay card. */
export type SaleMethod = 'qr' | 'code' | 'card'

/** What a receipt (and a line of a day's list) shows, as seen by one party of the transaction. */
export interface Receipt {
  id: string
  reference: string
  type: string
  status: string
  direction: 'in' | 'out'
  amount: bigint
  fee: bigint
  /** The agent's commission on it: only when the reader is the agent who earned it. */
  commission: bigint | null
  currency: string
  createdAt: string
  counterparty: { name: string; phone: string | null } | null
  method: SaleMethod | null
  /** A customer-initiated withdrawal: when the agent handed the cash over. */
  cashHandedOverAt: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface ReceiptService {
  /** One transaction for a party to it (payer or payee), or undefined. */
  receipt(readerId: string, transactionId: string, trx?: Executor): Promise<Receipt | undefined>
  /** A party's transactions of one day in the GoPay time zone (the shop's day), newest first. */
  day(
    partyId: string,
    q: { date: string; limit: number; cursor?: string; types?: string[]; as?: 'payee' },
  ): Promise<Page<Receipt>>
}

// The cursor is the last item's (created_at, id), opaque to clients.
export const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url')
export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(v) && v.length === 2 && !Number.isNaN(Date.parse(v[0])) && /^[0-9a-f-]{36}$/.test(v[1]))
      return [v[0], v[1]]
  } catch {
    /* fall through */
  }
  return null
}

/** The columns a receipt is made of, for a reader `?` (bound first). */
export const receiptSelect = `
  t.id, t.receipt_ref, t.type, t.status, t.amount, t.fee, t.currency, t.created_at, t.metadata,
  t.payer_party_id, t.payee_party_id, t.created_at::text AS created_key,
  cp.display_name AS cp_name, cp.phone AS cp_phone, h.handed_over_at,
  EXISTS (SELECT 1 FROM payment_requests pr WHERE pr.paid_transaction_id = t.id) AS by_request`
export const receiptJoins = `
  LEFT JOIN parties cp ON cp.id = CASE WHEN t.payer_party_id = ? THEN t.payee_party_id ELSE t.payer_party_id END
  LEFT JOIN cash_handovers h ON h.transaction_id = t.id`

export function methodOf(r: { type: string; metadata: unknown; by_request: boolean }): SaleMethod | null {
  if (r.type !== 'merchant_payment') return null
  if ((r.metadata as { method?: string } | null)?.method === 'card') return 'card'
  return r.by_request ? 'qr' : 'code'
}

export function toReceipt(r: Record<string, unknown>, readerId: string): Receipt {
  const out = r.payer_party_id === readerId
  const metadata = (r.metadata ?? {}) as { commission?: string }
  // The agent is the party that is not the customer: commission is theirs to see.
  const agentReader =
    (r.type === 'cash_in' && out) || ((r.type === 'cash_out' || r.type === 'withdrawal') && !out)
  return {
    id: r.id as string,
    reference: r.receipt_ref as string,
    type: r.type as string,
    status: r.status as string,
    direction: out ? 'out' : 'in',
    amount: r.amount as bigint,
    fee: r.fee as bigint,
    commission: agentReader && metadata.commission !== undefined ? BigInt(metadata.commission) : null,
    currency: r.currency as string,
    createdAt: (r.created_at as Date).toISOString(),
    counterparty: r.cp_name
      ? { name: r.cp_name as string, phone: r.cp_phone ? maskPhone(r.cp_phone as string) : null }
      : null,
    method: methodOf(r as { type: string; metadata: unknown; by_request: boolean }),
    cashHandedOverAt: (r.handed_over_at as Date | null)?.toISOString() ?? null,
  }
}

export function createReceiptService({ db, timezone }: { db: Db; timezone: string }): ReceiptService {
  return {
    async receipt(readerId, transactionId, trx = db) {
      const { rows } = await trx.raw(
        `SELECT ${receiptSelect} FROM transactions t ${receiptJoins}
         WHERE t.id = ? AND (t.payer_party_id = ? OR t.payee_party_id = ?)`,
        [readerId, transactionId, readerId, readerId],
      )
      return rows[0] ? toReceipt(rows[0], readerId) : undefined
    },
    async day(partyId, { date, limit, cursor, types, as }) {
      const after = cursor ? decodeCursor(cursor) : null
      const side = as === 'payee' ? 't.payee_party_id = ?' : '(t.payer_party_id = ? OR t.payee_party_id = ?)'
      const sideArgs = as === 'payee' ? [partyId] : [partyId, partyId]
      const { rows } = await db.raw(
        `SELECT ${receiptSelect} FROM transactions t ${receiptJoins}
         WHERE ${side}
           AND t.created_at >= (?::date)::timestamp AT TIME ZONE ?
           AND t.created_at < (?::date + 1)::timestamp AT TIME ZONE ?
           ${types ? 'AND t.type = ANY(?::text[])' : ''}
           ${after ? 'AND (t.created_at, t.id) < (?::timestamptz, ?::uuid)' : ''}
         ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
        [
          partyId,
          ...sideArgs,
          date,
          timezone,
          date,
          timezone,
          ...(types ? [`{${types.join(',')}}`] : []),
          ...(after ?? []),
          limit + 1,
        ] as Array<string | number>,
      )
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        items: page.map((r: Record<string, unknown>) => toReceipt(r, partyId)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.created_key, last.id) : null,
      }
    },
  }
}
