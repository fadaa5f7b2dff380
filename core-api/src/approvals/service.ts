import type { Db, Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import { cursorAt, type Cursor } from '../http/paging'

export type ApprovalKind = 'reversal' | 'tariff_change' | 'limit_change'

export interface ApprovalRequest {
  id: string
  kind: ApprovalKind
  status: 'pending' | 'approved' | 'rejected' | 'failed'
  targetId: string
  reason: string
  payload: unknown
  requestedBy: string
  requestedByEmail: string | null
  createdAt: string
  decidedBy: string | null
  decidedAt: string | null
  decisionReason: string | null
  result: unknown
}

export enum ApprovalError {
  Unknown = 'Unknown',
  Duplicate = 'Duplicate',
  /** The requester may not decide their own request. */
  OwnRequest = 'OwnRequest',
  NotPending = 'NotPending',
  WrongKind = 'WrongKind',
}

/**
 * What approving a request of one kind does, in the decider's transaction (under the request's row
 * lock). `ok: false` is an expected refusal: the request is marked failed with it, and it is answered.
 */
export type ApprovalAction = (
  trx: Executor,
  req: ApprovalRequest,
  deciderId: string,
) => Promise<
  | { ok: true; result: Record<string, unknown> }
  | { ok: false; failure: string; result: Record<string, unknown> }
>

function toRequest(r: Record<string, unknown>): ApprovalRequest {
  const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)
  return {
    id: r.id as string,
    kind: r.kind as ApprovalKind,
    status: r.status as ApprovalRequest['status'],
    targetId: r.target_id as string,
    reason: r.reason as string,
    payload: r.payload,
    requestedBy: r.requested_by as string,
    requestedByEmail: (r.requested_by_email as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: iso(r.decided_at),
    decisionReason: (r.decision_reason as string | null) ?? null,
    result: r.result ?? null,
  }
}

/**
 * Maker-checker, as Apache Fineract does it: one request per change, one pending request per target
 * (a second is refused), decided by someone other than the requester. One mechanism for reversals and
 * for tariff and limit changes; each kind brings its own action.
 */
export function createApprovals({ db, audit }: { db: Db; audit: AuditService }) {
  const actions = new Map<ApprovalKind, ApprovalAction>()
  const select = (trx: Executor) =>
    trx('approval_requests as r')
      .leftJoin('parties as p', 'p.id', 'r.requested_by')
      .select('r.*', 'p.email as requested_by_email', trx.raw(cursorAt('r.created_at')))
  const get = async (trx: Executor, id: string) => {
    const r = await select(trx).where('r.id', id).first()
    return r ? toRequest(r) : undefined
  }

  return {
    handle(kind: ApprovalKind, action: ApprovalAction) {
      actions.set(kind, action)
    },

    async request(
      trx: Executor,
      r: {
        kind: ApprovalKind
        targetId: string
        payload: Record<string, unknown>
        reason: string
        requestedBy: string
      },
    ): Promise<ApprovalRequest | ApprovalError.Duplicate> {
      // The partial unique index keeps one pending request per target; a second is not inserted.
      const { rows } = await trx.raw(
        `INSERT INTO approval_requests (kind, target_id, payload, reason, requested_by) VALUES (?, ?, ?::jsonb, ?, ?)
         ON CONFLICT (kind, target_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
        [r.kind, r.targetId, JSON.stringify(r.payload), r.reason, r.requestedBy],
      )
      const row = rows[0] as { id: string } | undefined
      if (!row) return ApprovalError.Duplicate
      await audit.record(trx, {
        actorId: r.requestedBy,
        action: `${r.kind}.request`,
        targetType: r.kind,
        targetId: r.targetId,
        details: { requestId: row.id, reason: r.reason },
      })
      return (await get(trx, row.id))!
    },

    get: (id: string) => get(db, id),

    async list(q: { status?: string; kind?: string; target?: string; cursor?: Cursor; limit: number }) {
      const query = select(db)
        .orderBy([
          { column: 'r.created_at', order: 'desc' },
          { column: 'r.id', order: 'desc' },
        ])
        .limit(q.limit + 1)
      if (q.cursor) query.whereRaw('(r.created_at, r.id) < (?::timestamptz, ?)', [q.cursor.at, q.cursor.id])
      if (q.status) query.where('r.status', q.status)
      if (q.kind) query.where('r.kind', q.kind)
      if (q.target) query.where('r.target_id', q.target)
      return (await query).map((r) => ({ ...toRequest(r), cursorAt: r.cursor_at as string }))
    },

    /**
     * Approves under the request's row lock, in the caller's transaction: two deciders racing find it
     * pending once. The requester is refused.
     */
    async approve(
      trx: Executor,
      id: string,
      deciderId: string,
      kind?: ApprovalKind,
    ): Promise<
      { request: ApprovalRequest; failure?: string; result: Record<string, unknown> } | ApprovalError
    > {
      const locked = await trx('approval_requests').where({ id }).forUpdate().first()
      if (!locked) return ApprovalError.Unknown
      const req = (await get(trx, id))!
      if (kind && req.kind !== kind) return ApprovalError.WrongKind
      if (req.requestedBy === deciderId) return ApprovalError.OwnRequest
      if (req.status !== 'pending') return ApprovalError.NotPending
      const action = actions.get(req.kind)
      if (!action) throw new Error(`no action for ${req.kind} requests`)
      const outcome = await action(trx, req, deciderId)
      await trx('approval_requests')
        .where({ id })
        .update({
          status: outcome.ok ? 'approved' : 'failed',
          decided_by: deciderId,
          decided_at: trx.fn.now(),
          result: JSON.stringify(outcome.result),
        })
      await audit.record(trx, {
        actorId: deciderId,
        action: `${req.kind}.approve`,
        targetType: req.kind,
        targetId: req.targetId,
        details: { requestId: id, ...(outcome.ok ? {} : { refused: outcome.failure }) },
      })
      return {
        request: (await get(trx, id))!,
        result: outcome.result,
        ...(outcome.ok ? {} : { failure: outcome.failure }),
      }
    },

    async reject(
      id: string,
      deciderId: string,
      reason: string,
      kind?: ApprovalKind,
    ): Promise<ApprovalRequest | ApprovalError> {
      return db.transaction(async (trx) => {
        const locked = await trx('approval_requests').where({ id }).forUpdate().first()
        if (!locked) return ApprovalError.Unknown
        if (kind && locked.kind !== kind) return ApprovalError.WrongKind
        if (locked.requested_by === deciderId) return ApprovalError.OwnRequest
        if (locked.status !== 'pending') return ApprovalError.NotPending
        await trx('approval_requests').where({ id }).update({
          status: 'rejected',
          decided_by: deciderId,
          decided_at: trx.fn.now(),
          decision_reason: reason,
        })
        await audit.record(trx, {
          actorId: deciderId,
          action: `${locked.kind}.reject`,
          targetType: locked.kind,
          targetId: locked.target_id,
          details: { requestId: id, reason },
        })
        return (await get(trx, id))!
      })
    },
  }
}
export type Approvals = ReturnType<typeof createApprovals>
