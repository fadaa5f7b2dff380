import { randomInt } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import type { AuthService } from '../auth/service'
import { cursorAt, type Cursor } from '../http/paging'
import type { LedgerService } from '../ledger/service'
import { setSuspended as suspend } from '../parties/suspension'

export interface MerchantOnboarding {
  phone: string
  businessName: string
  categoryCode: string
  city: string
  settlementBankAccount: string
  pin: string
}
export type MerchantChange = Partial<Omit<MerchantOnboarding, 'phone' | 'pin'>>

export enum MerchantAdminError {
  Unknown = 'Unknown',
  PhoneTaken = 'PhoneTaken',
}

const SELECT = `SELECT m.party_id AS id, m.code, m.business_name, p.phone, m.category_code, m.city, m.settlement_bank_account,
    p.status, m.created_at, ${cursorAt('m.created_at')},
    coalesce((SELECT sum(b.available + b.held) FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
      WHERE a.party_id = m.party_id AND a.type = 'merchant' AND a.currency = ?), 0)::bigint AS balance
  FROM merchants m JOIN parties p ON p.id = m.party_id`

const toMerchant = (r: Record<string, unknown>) => ({
  id: r.id as string,
  code: r.code as string,
  businessName: r.business_name as string,
  phone: r.phone as string,
  categoryCode: r.category_code as string,
  city: r.city as string,
  settlementBankAccount: (r.settlement_bank_account as string | null) ?? null,
  status: r.status === 'active' ? 'active' : 'suspended',
  balance: BigInt(r.balance as bigint),
  // The till is the merchant's code: the static QR and the checkout name it.
  tills: [{ code: r.code as string }],
  createdAt: new Date(r.created_at as string).toISOString(),
  cursorAt: r.cursor_at as string,
})
export type AdminMerchant = ReturnType<typeof toMerchant>

export function createMerchantAdmin({
  db,
  auth,
  ledger,
  audit,
  currency,
}: {
  db: Db
  auth: AuthService
  ledger: LedgerService
  audit: AuditService
  currency: string
}) {
  async function get(trx: Executor, id: string) {
    const { rows } = await trx.raw(`${SELECT} WHERE m.party_id = ?`, [currency, id])
    return rows[0] ? toMerchant(rows[0]) : undefined
  }
  return {
    get: (id: string) => get(db, id),

    async list(q: { q?: string; cursor?: Cursor; limit: number }) {
      const where: string[] = []
      const bindings: Array<string | number> = [currency]
      if (q.q) {
        where.push(
          `(m.code = upper(?) OR m.alias = upper(?) OR lower(m.business_name) LIKE ? OR p.phone LIKE ?)`,
        )
        bindings.push(
          q.q,
          q.q,
          `${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`,
          `${q.q.replace(/[\\%_]/g, '\\$&')}%`,
        )
      }
      if (q.cursor) {
        where.push(`(m.created_at, m.party_id) < (?::timestamptz, ?)`)
        bindings.push(q.cursor.at, q.cursor.id)
      }
      const { rows } = await db.raw(
        `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.created_at DESC, m.party_id DESC LIMIT ?`,
        [...bindings, q.limit + 1],
      )
      return rows.map(toMerchant)
    },

    async onboard(by: string, o: MerchantOnboarding): Promise<AdminMerchant | MerchantAdminError> {
      return db.transaction(async (trx) => {
        const [p] = await trx('parties')
          .insert({
            kind: 'merchant',
            roles: ['merchant'],
            display_name: o.businessName,
            phone: o.phone,
            status: 'active',
          })
          .onConflict('phone')
          .ignore()
          .returning('id')
        if (!p) return MerchantAdminError.PhoneTaken
        for (;;) {
          const [made] = await trx('merchants')
            .insert({
              party_id: p.id,
              code: String(randomInt(500_000, 800_000)),
              business_name: o.businessName,
              category_code: o.categoryCode,
              city: o.city,
              settlement_bank_account: o.settlementBankAccount,
            })
            .onConflict('code')
            .ignore()
            .returning('code')
          if (made) break
        }
        await auth.setSecret(trx, p.id, 'pin', o.pin)
        await ledger.openAccount(trx, { type: 'merchant', currency, partyId: p.id })
        await audit.record(trx, {
          actorId: by,
          action: 'merchant.onboard',
          targetType: 'party',
          targetId: p.id,
          details: { businessName: o.businessName, city: o.city, categoryCode: o.categoryCode },
        })
        return (await get(trx, p.id))!
      })
    },

    async change(by: string, id: string, c: MerchantChange): Promise<AdminMerchant | MerchantAdminError> {
      return db.transaction(async (trx) => {
        const row = await trx('merchants').where({ party_id: id }).forUpdate().first('party_id')
        if (!row) return MerchantAdminError.Unknown
        await trx('merchants')
          .where({ party_id: id })
          .update({
            ...(c.businessName !== undefined ? { business_name: c.businessName } : {}),
            ...(c.categoryCode !== undefined ? { category_code: c.categoryCode } : {}),
            ...(c.city !== undefined ? { city: c.city } : {}),
            ...(c.settlementBankAccount !== undefined
              ? { settlement_bank_account: c.settlementBankAccount }
              : {}),
          })
        if (c.businessName) await trx('parties').where({ id }).update({ display_name: c.businessName })
        await audit.record(trx, {
          actorId: by,
          action: 'merchant.change',
          targetType: 'party',
          targetId: id,
          details: c,
        })
        return (await get(trx, id))!
      })
    },

    async setSuspended(by: string, id: string, suspended: boolean, reason?: string) {
      return db.transaction(async (trx) => {
        const done = await suspend(trx, { auth, audit }, { kind: 'merchant', id, suspended, reason, by })
        return done ? (await get(trx, id))! : MerchantAdminError.Unknown
      })
    },

    async settlements(id: string, q: { cursor?: Cursor; limit: number }) {
      const query = db('transactions as t')
        .leftJoin('merchants as m', 'm.party_id', 't.payer_party_id')
        .where({ 't.payer_party_id': id, 't.type': 'merchant_settlement' })
        .select(
          't.id',
          't.amount',
          't.status',
          't.created_at',
          'm.settlement_bank_account',
          db.raw(cursorAt('t.created_at')),
        )
        .orderBy([
          { column: 't.created_at', order: 'desc' },
          { column: 't.id', order: 'desc' },
        ])
        .limit(q.limit + 1)
      if (q.cursor) query.whereRaw('(t.created_at, t.id) < (?::timestamptz, ?)', [q.cursor.at, q.cursor.id])
      return (await query).map((r) => ({
        id: r.id as string,
        transactionId: r.id as string,
        amount: r.amount as bigint,
        status: r.status as string,
        bankAccount: (r.settlement_bank_account as string | null) ?? null,
        createdAt: new Date(r.created_at).toISOString(),
        cursorAt: r.cursor_at as string,
      }))
    },
  }
}
export type MerchantAdmin = ReturnType<typeof createMerchantAdmin>
