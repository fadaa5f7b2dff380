import type { Db, Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import type { LedgerService } from '../ledger/service'

export interface BillerFields {
  name: string
  accountPattern: string
  fee: number
  settlementBankAccount: string
  active: boolean
}

export enum BillerAdminError {
  Unknown = 'Unknown',
  CodeTaken = 'CodeTaken',
}

const toBiller = (r: Record<string, unknown>) => ({
  id: r.party_id as string,
  code: r.code as string,
  name: r.name as string,
  accountPattern: r.account_pattern as string,
  fee: r.fee as bigint,
  active: r.active as boolean,
  settlementBankAccount: (r.settlement_bank_account as string | null) ?? null,
})
export type AdminBiller = ReturnType<typeof toBiller>

/** Billers as staff set them up: the account rule customers' numbers must match, and the fee. */
export function createBillerAdmin({
  db,
  ledger,
  audit,
  currency,
}: {
  db: Db
  ledger: LedgerService
  audit: AuditService
  currency: string
}) {
  const get = async (trx: Executor, id: string) => {
    const r = await trx('billers').where({ party_id: id }).first()
    return r ? toBiller(r) : undefined
  }
  return {
    async list() {
      return (await db('billers').orderBy('code')).map(toBiller)
    },
    async create(
      by: string,
      b: Omit<BillerFields, 'active'> & { code: string },
    ): Promise<AdminBiller | BillerAdminError> {
      return db.transaction(async (trx) => {
        if (await trx('billers').where({ code: b.code }).first('code')) return BillerAdminError.CodeTaken
        const [p] = await trx('parties')
          .insert({ kind: 'biller', roles: [], display_name: b.name, status: 'active' })
          .returning('id')
        await trx('billers').insert({
          party_id: p.id,
          code: b.code,
          name: b.name,
          account_pattern: b.accountPattern,
          fee: b.fee,
          settlement_bank_account: b.settlementBankAccount,
        })
        await ledger.openAccount(trx, { type: 'biller_settlement', currency, partyId: p.id })
        await audit.record(trx, {
          actorId: by,
          action: 'biller.create',
          targetType: 'party',
          targetId: p.id,
          details: b,
        })
        return (await get(trx, p.id))!
      })
    },
    async change(by: string, id: string, c: Partial<BillerFields>): Promise<AdminBiller | BillerAdminError> {
      return db.transaction(async (trx) => {
        const row = await trx('billers').where({ party_id: id }).forUpdate().first()
        if (!row) return BillerAdminError.Unknown
        await trx('billers')
          .where({ party_id: id })
          .update({
            ...(c.name !== undefined ? { name: c.name } : {}),
            ...(c.accountPattern !== undefined ? { account_pattern: c.accountPattern } : {}),
            ...(c.fee !== undefined ? { fee: c.fee } : {}),
            ...(c.active !== undefined ? { active: c.active } : {}),
            ...(c.settlementBankAccount !== undefined
              ? { settlement_bank_account: c.settlementBankAccount }
              : {}),
          })
        await audit.record(trx, {
          actorId: by,
          action: 'biller.change',
          targetType: 'party',
          targetId: id,
          details: { before: toBiller(row), change: c },
        })
        return (await get(trx, id))!
      })
    },
  }
}
export type BillerAdmin = ReturnType<typeof createBillerAdmin>
