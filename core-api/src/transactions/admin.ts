import type { Db } from '@gopay/db'
import { toE164 } from '@gopay/vocabulary'
import { cursorAt, type Cursor } from '../http/paging'
import { numberOrAlias } from '../parties/numbers'

export interface TransactionFilter {
  type?: string
  status?: string
  from?: string
  to?: string
  party?: string
  min?: number
  max?: number
  q?: string
  cursor?: Cursor
  limit: number
}

const iso = (d: unknown) => new Date(d as string).toISOString()

const side = (id: unknown, name: unknown, phone: unknown) =>
  id
    ? { id: id as string, name: (name as string | null) ?? '', phone: (phone as string | null) ?? null }
    : null

function toItem(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    type: r.type as string,
    status: r.status as string,
    amount: r.amount as bigint,
    fee: r.fee as bigint,
    currency: r.currency as string,
    reference: (r.reference as string | null) ?? null,
    payer: side(r.payer_party_id, r.payer_name, r.payer_phone),
    payee: side(r.payee_party_id, r.payee_name, r.payee_phone),
    createdAt: iso(r.created_at),
  }
}

/** The back office's view of transactions: search on the indexes of 0015, and one transaction whole. */
export function createTransactionAdmin({ db }: { db: Db }) {
  /** A party named by id, phone, or agent or merchant code. */
  async function partyOf(ref: string): Promise<string | null> {
    if (/^[0-9a-f-]{36}$/i.test(ref)) return ref
    // A phone in any spelling staff type it (0711 000 001, 254711000001, +254711000001); a code that
    // happens to read as a phone but is nobody's number is still tried as a code below.
    const phone = toE164(ref)
    if (phone) {
      const p = await db('parties').where({ phone }).first('id')
      if (p || ref.startsWith('+')) return p?.id ?? null
    }
    const code = ref.toUpperCase()
    const a = await db('agents').where(numberOrAlias('agents', code)).first('party_id')
    if (a) return a.party_id
    return (await db('merchants').where(numberOrAlias('merchants', code)).first('party_id'))?.party_id ?? null
  }

  return {
    async search(f: TransactionFilter) {
      const q = db('transactions as t')
        .leftJoin('parties as pa', 'pa.id', 't.payer_party_id')
        .leftJoin('parties as pb', 'pb.id', 't.payee_party_id')
        .select(
          't.id',
          't.type',
          't.status',
          't.amount',
          't.fee',
          't.currency',
          't.reference',
          't.payer_party_id',
          't.payee_party_id',
          't.created_at',
          'pa.display_name as payer_name',
          'pa.phone as payer_phone',
          'pb.display_name as payee_name',
          'pb.phone as payee_phone',
          db.raw(cursorAt('t.created_at')),
        )
        .orderBy([
          { column: 't.created_at', order: 'desc' },
          { column: 't.id', order: 'desc' },
        ])
        .limit(f.limit + 1)
      if (f.cursor) q.whereRaw('(t.created_at, t.id) < (?::timestamptz, ?)', [f.cursor.at, f.cursor.id])
      if (f.type) q.where('t.type', f.type)
      if (f.status) q.where('t.status', f.status)
      if (f.from) q.where('t.created_at', '>=', f.from)
      if (f.to) q.where('t.created_at', '<', f.to)
      if (f.min !== undefined) q.where('t.amount', '>=', f.min)
      if (f.max !== undefined) q.where('t.amount', '<=', f.max)
      if (f.party) {
        const party = await partyOf(f.party)
        if (!party) return []
        // Two index range scans (payer, payee) rather than one OR over the table.
        q.whereIn('t.id', function () {
          this.select('id')
            .from('transactions')
            .where('payer_party_id', party)
            .unionAll((u) => u.select('id').from('transactions').where('payee_party_id', party))
        })
      }
      if (f.q) {
        const term = f.q.trim()
        const hex = term.toLowerCase().replace(/-/g, '')
        if (/^[0-9a-f]{8,32}$/.test(hex)) {
          // A receipt reference is the id's start: a range on the primary key.
          const lo = hex.padEnd(32, '0')
          const hi = hex.padEnd(32, 'f')
          const dashed = (h: string) =>
            `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
          q.where((w) => w.whereBetween('t.id', [dashed(lo), dashed(hi)]).orWhere('t.reference', term))
        } else q.where('t.reference', term)
      }
      return (await q).map((r) => ({ ...toItem(r), cursorAt: r.cursor_at as string }))
    },

    async detail(id: string) {
      const t = await db('transactions as t')
        .leftJoin('parties as pa', 'pa.id', 't.payer_party_id')
        .leftJoin('parties as pb', 'pb.id', 't.payee_party_id')
        .where('t.id', id)
        .first(
          't.*',
          'pa.display_name as payer_name',
          'pa.phone as payer_phone',
          'pb.display_name as payee_name',
          'pb.phone as payee_phone',
        )
      if (!t) return undefined
      const entries = await db('journal_entries').where({ transaction_id: id }).orderBy('created_at')
      const postings = entries.length
        ? await db('postings as p')
            .join('ledger_accounts as a', 'a.id', 'p.account_id')
            .leftJoin('parties as o', 'o.id', 'a.party_id')
            .whereIn(
              'p.entry_id',
              entries.map((e) => e.id),
            )
            .orderBy('p.id')
            .select('p.entry_id', 'p.account_id', 'a.type', 'a.party_id', 'o.display_name', 'p.amount')
        : []
      const calls = await db('partner_calls').where({ transaction_id: id }).orderBy('created_at')
      const flags = await db('transaction_flags').where({ transaction_id: id })
      return {
        transaction: {
          ...toItem(t),
          note: (t.note as string | null) ?? null,
          metadata: t.metadata as unknown,
          originalTransactionId: (t.original_transaction_id as string | null) ?? null,
        },
        entries: entries.map((e) => ({
          id: e.id as string,
          kind: e.kind as string,
          description: (e.description as string | null) ?? null,
          createdAt: iso(e.created_at),
          postings: postings
            .filter((p) => p.entry_id === e.id)
            .map((p) => ({
              accountId: String(p.account_id),
              accountType: p.type as string,
              partyId: (p.party_id as string | null) ?? null,
              partyName: (p.display_name as string | null) ?? null,
              amount: p.amount as bigint,
            })),
        })),
        partnerCalls: calls.map((c) => ({
          id: c.id as string,
          partner: c.partner as string,
          operation: c.operation as string,
          reference: c.reference as string,
          status: c.status as string,
          partnerReference: (c.partner_reference as string | null) ?? null,
          asks: Number(c.asks),
          lastError: (c.last_error as string | null) ?? null,
          createdAt: iso(c.created_at),
          settledAt: c.settled_at ? iso(c.settled_at) : null,
        })),
        flags: flags.map((f) => ({
          kind: f.kind as string,
          reason: f.reason as string,
          createdAt: iso(f.created_at),
        })),
      }
    },
  }
}
export type TransactionAdmin = ReturnType<typeof createTransactionAdmin>
