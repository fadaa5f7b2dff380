import type { Db, Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import { cursorAt, type Cursor } from '../http/paging'
import type { LedgerService } from '../ledger/service'

export interface UserHit {
  id: string
  phone: string
  firstName: string
  lastName: string
  idNumber: string | null
  kycTier: number
  status: string
  createdAt: string
}

export enum KycReviewError {
  UnknownUser = 'UnknownUser',
  NothingToReview = 'NothingToReview',
}

const toHit = (r: Record<string, unknown>): UserHit => ({
  id: r.id as string,
  phone: r.phone as string,
  firstName: r.first_name as string,
  lastName: r.last_name as string,
  idNumber: (r.id_number as string | null) ?? null,
  kycTier: Number(r.kyc_tier),
  status: r.status as string,
  createdAt: new Date(r.created_at as string).toISOString(),
})

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export function createUserAdminService({
  db,
  ledger,
  audit,
  timezone,
}: {
  db: Db
  ledger: LedgerService
  audit: AuditService
  timezone: string
}) {
  const base = () =>
    db('parties as p')
      .join('users as u', 'u.party_id', 'p.id')
      .where('p.kind', 'user')
      .select(
        'p.id',
        'p.phone',
        'u.first_name',
        'u.last_name',
        'u.id_number',
        'p.kyc_tier',
        'p.status',
        'p.created_at',
        db.raw(cursorAt('p.created_at')),
      )

  async function pendingKyc(trx: Executor, id: string) {
    return trx('kyc_records').where({ party_id: id, status: 'submitted' }).first('id')
  }

  return {
    async search({
      q,
      kyc,
      cursor,
      limit,
    }: {
      q?: string
      /** only users whose ID waits for review: the KYC queue */
      kyc?: 'submitted'
      cursor?: Cursor
      limit: number
    }) {
      const query = base()
        .orderBy([
          { column: 'p.created_at', order: 'desc' },
          { column: 'p.id', order: 'desc' },
        ])
        .limit(limit + 1)
      if (cursor) query.whereRaw('(p.created_at, p.id) < (?::timestamptz, ?)', [cursor.at, cursor.id])
      if (kyc) query.whereIn('p.id', db('kyc_records').where({ status: kyc }).select('party_id'))
      const term = q?.trim()
      if (term) {
        // Each way of matching is its own index range scan; their union is the set to page through
        // (one OR across the two tables would scan them whole).
        const digits = term.replace(/[\s-]/g, '')
        const like = (v: string) => `${escapeLike(v)}%`
        const matches: Array<[string, string]> = []
        if (/^\+?[0-9]{3,15}$/.test(digits)) {
          // A local number (07…) is the same person as +2547…; a start of a number matches by prefix.
          const phone = digits.startsWith('+')
            ? digits
            : digits.startsWith('0')
              ? `+254${digits.slice(1)}`
              : `+${digits}`
          matches.push([`SELECT id FROM parties WHERE phone LIKE ?`, like(phone)])
        } else {
          const t = term.toLowerCase()
          matches.push(
            [`SELECT party_id FROM users WHERE lower(first_name) LIKE ?`, like(t)],
            [`SELECT party_id FROM users WHERE lower(last_name) LIKE ?`, like(t)],
            [`SELECT party_id FROM users WHERE lower(first_name || ' ' || last_name) LIKE ?`, like(t)],
          )
        }
        matches.push([`SELECT party_id FROM users WHERE upper(id_number) LIKE ?`, like(digits.toUpperCase())])
        query.whereRaw(
          `p.id IN (${matches.map(([sql]) => sql).join(' UNION ')})`,
          matches.map(([, v]) => v),
        )
      }
      return (await query).map((r) => ({ ...toHit(r), cursorAt: r.cursor_at as string }))
    },

    async detail(id: string) {
      const p = await db('parties as p')
        .join('users as u', 'u.party_id', 'p.id')
        .where('p.id', id)
        .first('p.*', 'u.first_name', 'u.last_name', 'u.id_number')
      if (!p) return undefined
      const account = await db('ledger_accounts')
        .where({ party_id: id, type: 'user_wallet' })
        .first('id', 'currency')
      const wallet = account
        ? {
            accountId: String(account.id),
            currency: account.currency as string,
            ...(await ledger.balance(account.id)),
          }
        : null
      const limitRow = await db('tier_limits')
        .where({ tier: p.kyc_tier, currency: account?.currency ?? 'KES' })
        .first()
      const used = account
        ? await db.raw(
            `SELECT
               coalesce(sum(amount) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE ?) AT TIME ZONE ?), 0)::bigint AS today,
               coalesce(sum(amount) FILTER (WHERE created_at >= date_trunc('month', now() AT TIME ZONE ?) AT TIME ZONE ?), 0)::bigint AS month
             FROM transactions WHERE payer_account_id = ? AND status IN ('pending', 'completed')
               AND created_at >= date_trunc('month', now() AT TIME ZONE ?) AT TIME ZONE ?`,
            [timezone, timezone, timezone, timezone, account.id, timezone, timezone],
          )
        : { rows: [{ today: 0n, month: 0n }] }
      const pin = await db('credentials')
        .where({ party_id: id, kind: 'pin' })
        .first('failed_attempts', 'locked_at')
      const kyc = await db('kyc_records').where({ party_id: id }).orderBy('created_at', 'desc').limit(20)
      const devices = await db('devices').where({ party_id: id }).orderBy('created_at', 'desc').limit(50)
      const cards = await db('cards').where({ party_id: id }).orderBy('bound_at', 'desc').limit(50)
      const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)
      return {
        profile: {
          id,
          phone: p.phone as string,
          firstName: p.first_name as string,
          lastName: p.last_name as string,
          idNumber: (p.id_number as string | null) ?? null,
          kycTier: Number(p.kyc_tier),
          status: p.status as string,
          lockedReason: (p.locked_reason as string | null) ?? null,
          language: p.language as string,
          createdAt: iso(p.created_at)!,
        },
        wallet,
        limits: limitRow
          ? {
              tier: Number(limitRow.tier),
              currency: limitRow.currency as string,
              perTransaction: limitRow.per_transaction as bigint,
              daily: limitRow.daily as bigint,
              monthly: limitRow.monthly as bigint,
              maxBalance: limitRow.max_balance as bigint,
              usedToday: BigInt(used.rows[0].today),
              usedThisMonth: BigInt(used.rows[0].month),
            }
          : null,
        pin: { failedAttempts: Number(pin?.failed_attempts ?? 0), lockedAt: iso(pin?.locked_at) },
        kyc: kyc.map((k) => ({
          id: k.id as string,
          tier: Number(k.tier),
          idType: k.id_type as string,
          idNumber: k.id_number as string,
          status: k.status as string,
          reason: (k.reason as string | null) ?? null,
          reviewedBy: (k.reviewed_by as string | null) ?? null,
          createdAt: iso(k.created_at)!,
        })),
        devices: devices.map((d) => ({
          id: d.id as string,
          label: d.label as string,
          status: d.status as string,
          lastSeenAt: iso(d.last_seen_at),
          createdAt: iso(d.created_at)!,
        })),
        cards: cards.map((c) => ({
          id: c.id as string,
          kind: c.kind as string,
          last4: c.last4 as string,
          status: c.status as string,
          boundAt: iso(c.bound_at)!,
        })),
      }
    },

    async approveKyc(id: string, staffId: string) {
      return db.transaction(async (trx) => {
        const party = await trx('parties').where({ id, kind: 'user' }).forUpdate().first('id')
        if (!party) return KycReviewError.UnknownUser
        if (!(await pendingKyc(trx, id))) return KycReviewError.NothingToReview
        await trx('kyc_records')
          .where({ party_id: id, status: 'submitted' })
          .update({ status: 'verified', reviewed_by: staffId, reviewed_at: trx.fn.now() })
        await trx('parties').where({ id }).update({ kyc_tier: 2, updated_at: trx.fn.now() })
        await audit.record(trx, {
          actorId: staffId,
          action: 'kyc.approve',
          targetType: 'party',
          targetId: id,
        })
      })
    },

    async rejectKyc(id: string, staffId: string, reason: string) {
      return db.transaction(async (trx) => {
        const party = await trx('parties').where({ id, kind: 'user' }).forUpdate().first('id')
        if (!party) return KycReviewError.UnknownUser
        if (!(await pendingKyc(trx, id))) return KycReviewError.NothingToReview
        await trx('kyc_records')
          .where({ party_id: id, status: 'submitted' })
          .update({ status: 'rejected', reason, reviewed_by: staffId, reviewed_at: trx.fn.now() })
        await trx('parties').where({ id, kyc_tier: 1 }).update({ kyc_tier: 0, updated_at: trx.fn.now() })
        await audit.record(trx, {
          actorId: staffId,
          action: 'kyc.reject',
          targetType: 'party',
          targetId: id,
          details: { reason },
        })
      })
    },

    async resetPinTries(id: string, staffId: string) {
      return db.transaction(async (trx) => {
        const n = await trx('credentials')
          .where({ party_id: id, kind: 'pin' })
          .update({ failed_attempts: 0, locked_at: null })
        if (!n) return false
        await audit.record(trx, {
          actorId: staffId,
          action: 'pin.reset_tries',
          targetType: 'party',
          targetId: id,
        })
        return true
      })
    },
  }
}
export type UserAdmin = ReturnType<typeof createUserAdminService>
