import type { Db, Executor } from '@gopay/db'
import type { ApprovalAction } from '../approvals/service'
import { cursorAt, type Cursor } from '../http/paging'
import type { TariffService } from './service'

export interface Band {
  minAmount: number
  maxAmount: number
  feeFixed: number
  feeBps: number
  commissionFixed: number
  commissionBps: number
}
export interface TariffChange {
  transactionType: string
  currency: string
  effectiveAt: string
  bands: Band[]
}
export interface LimitChange {
  tier: number
  currency: string
  perTransaction: number
  daily: number
  monthly: number
  maxBalance: number
  effectiveAt: string
}

const bandOf = (r: Record<string, unknown>) => ({
  id: String(r.id),
  transactionType: r.transaction_type as string,
  currency: r.currency as string,
  minAmount: r.min_amount as bigint,
  maxAmount: r.max_amount as bigint,
  feeFixed: r.fee_fixed as bigint,
  feeBps: Number(r.fee_bps),
  commissionFixed: r.commission_fixed as bigint,
  commissionBps: Number(r.commission_bps),
})
const limitOf = (r: Record<string, unknown>) => ({
  tier: Number(r.tier),
  currency: r.currency as string,
  perTransaction: r.per_transaction as bigint,
  daily: r.daily as bigint,
  monthly: r.monthly as bigint,
  maxBalance: r.max_balance as bigint,
})

/**
 * Fee tariffs and tier limits as staff change them: a change is a four-eyes request; once approved it
 * is scheduled at its stated time and applied then (by the job, or at once when the time has come).
 * The schedule rows are the history: each keeps what it replaced.
 */
export function createTariffAdmin({ db, tariffs }: { db: Db; tariffs: TariffService }) {
  async function apply(trx: Executor, row: { id: string; kind: string; key: string; after: unknown }) {
    let before: unknown
    if (row.kind === 'tariff') {
      const c = row.after as TariffChange
      const old = await trx('fee_tariffs')
        .where({ transaction_type: c.transactionType, currency: c.currency, active: true })
        .orderBy('min_amount')
        .forUpdate()
      before = old.map((r) => {
        const b = bandOf(r)
        return {
          ...b,
          minAmount: Number(b.minAmount),
          maxAmount: Number(b.maxAmount),
          feeFixed: Number(b.feeFixed),
          commissionFixed: Number(b.commissionFixed),
        }
      })
      await trx('fee_tariffs')
        .where({ transaction_type: c.transactionType, currency: c.currency, active: true })
        .update({ active: false })
      await trx('fee_tariffs').insert(
        c.bands.map((b) => ({
          transaction_type: c.transactionType,
          currency: c.currency,
          min_amount: b.minAmount,
          max_amount: b.maxAmount,
          fee_fixed: b.feeFixed,
          fee_bps: b.feeBps,
          commission_fixed: b.commissionFixed,
          commission_bps: b.commissionBps,
          active: true,
        })),
      )
    } else {
      const c = row.after as LimitChange
      const old = await trx('tier_limits').where({ tier: c.tier, currency: c.currency }).forUpdate().first()
      before = old
        ? {
            ...limitOf(old),
            perTransaction: Number(old.per_transaction),
            daily: Number(old.daily),
            monthly: Number(old.monthly),
            maxBalance: Number(old.max_balance),
          }
        : null
      await trx('tier_limits')
        .insert({
          tier: c.tier,
          currency: c.currency,
          per_transaction: c.perTransaction,
          daily: c.daily,
          monthly: c.monthly,
          max_balance: c.maxBalance,
        })
        .onConflict(['tier', 'currency'])
        .merge()
    }
    await trx('tariff_schedule')
      .where({ id: row.id })
      .update({ applied_at: trx.fn.now(), before: JSON.stringify(before) })
  }

  /** Approving a tariff or limit change: schedule it, and apply it now if its time has come. */
  const approveChange: ApprovalAction = async (trx, req) => {
    const kind = req.kind === 'tariff_change' ? 'tariff' : 'limit'
    const payload = req.payload as TariffChange | LimitChange
    const [row] = await trx('tariff_schedule')
      .insert({
        kind,
        key: req.targetId,
        effective_at: payload.effectiveAt,
        after: JSON.stringify(payload),
        request_id: req.id,
      })
      .returning(['id', 'kind', 'key', 'after', 'effective_at'])
    const due = new Date(row.effective_at) <= new Date()
    if (due) {
      await apply(trx, row)
      tariffs.forget()
    }
    return {
      ok: true,
      result: {
        schedule: { id: String(row.id), effectiveAt: new Date(row.effective_at).toISOString(), applied: due },
      },
    }
  }

  return {
    approveChange,

    async current(type?: string) {
      const q = db('fee_tariffs')
        .where({ active: true })
        .orderBy(['transaction_type', 'currency', 'min_amount'])
      if (type) q.where({ transaction_type: type })
      return (await q).map(bandOf)
    },

    async limits() {
      return (await db('tier_limits').orderBy(['currency', 'tier'])).map(limitOf)
    },

    async history(q: { kind?: string; cursor?: Cursor; limit: number }) {
      const query = db('tariff_schedule as s')
        .join('approval_requests as r', 'r.id', 's.request_id')
        .select('s.*', 'r.requested_by', 'r.decided_by', db.raw(cursorAt('s.created_at')))
        .orderBy([
          { column: 's.created_at', order: 'desc' },
          { column: 's.id', order: 'desc' },
        ])
        .limit(q.limit + 1)
      if (q.kind) query.where('s.kind', q.kind)
      if (q.cursor) query.whereRaw('(s.created_at, s.id) < (?::timestamptz, ?)', [q.cursor.at, q.cursor.id])
      return (await query).map((r) => ({
        id: String(r.id),
        kind: r.kind as string,
        key: r.key as string,
        effectiveAt: new Date(r.effective_at).toISOString(),
        applied: r.applied_at != null,
        appliedAt: r.applied_at ? new Date(r.applied_at).toISOString() : null,
        before: r.before ?? null,
        after: r.after,
        requestId: r.request_id as string,
        requestedBy: r.requested_by as string,
        approvedBy: r.decided_by as string,
        cursorAt: r.cursor_at as string,
      }))
    },

    /** The job: applies every approved change whose time has come, each once (claimed with SKIP LOCKED). */
    async applyDue(): Promise<number> {
      const n = await db.transaction(async (trx) => {
        const due = await trx('tariff_schedule')
          .whereNull('applied_at')
          .where('effective_at', '<=', trx.fn.now())
          .orderBy('effective_at')
          .limit(50)
          .forUpdate()
          .skipLocked()
        for (const row of due) await apply(trx, row)
        return due.length
      })
      if (n) tariffs.forget()
      return n
    },
  }
}
export type TariffAdmin = ReturnType<typeof createTariffAdmin>
