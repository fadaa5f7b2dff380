import type { Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import type { AuthService } from '../auth/service'

/**
 * Suspends or reactivates an agent or a merchant: its row locked, its standing changed (a suspended
 * party is signed out everywhere), the staff action audited, all in the caller's transaction.
 * Answers false, changing nothing, when no party of that kind has this id.
 */
export async function setSuspended(
  trx: Executor,
  deps: { auth: AuthService; audit: AuditService },
  s: { kind: 'agent' | 'merchant'; id: string; suspended: boolean; reason?: string; by: string },
): Promise<boolean> {
  const row = await trx('parties').where({ id: s.id, kind: s.kind }).forUpdate().first('id')
  if (!row) return false
  await deps.auth.setStanding(
    trx,
    s.id,
    s.suspended ? { status: 'locked', reason: `suspended: ${s.reason}` } : { status: 'active' },
  )
  await deps.audit.record(trx, {
    actorId: s.by,
    action: `${s.kind}.${s.suspended ? 'suspend' : 'reactivate'}`,
    targetType: 'party',
    targetId: s.id,
    details: s.reason ? { reason: s.reason } : {},
  })
  return true
}
