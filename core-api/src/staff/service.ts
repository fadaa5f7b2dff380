import type { Db } from '@gopay/db'
import { permissionMatrix, type Permission } from '../auth/permissions'
import type { AuthService } from '../auth/service'
import type { AuditService } from '../audit/service'
import { cursorAt, type Cursor } from '../http/paging'

export type StaffRole = 'admin' | 'sub_admin' | 'auditor'

export interface StaffMember {
  id: string
  email: string
  displayName: string
  role: StaffRole
  status: 'active' | 'disabled'
  createdAt: string
}

export enum StaffError {
  Unknown = 'Unknown',
  EmailTaken = 'EmailTaken',
  Self = 'Self',
}

export interface StaffService {
  me(id: string): Promise<(StaffMember & { permissions: Permission[] }) | undefined>
  list(q: { cursor?: Cursor; limit: number }): Promise<Array<StaffMember & { cursorAt: string }>>
  create(
    by: string,
    s: { email: string; displayName: string; role: StaffRole; password: string },
  ): Promise<StaffMember | StaffError>
  /** Disabling signs every session of the member out at once. */
  setDisabled(by: string, id: string, disabled: boolean, reason?: string): Promise<StaffMember | StaffError>
}

const toMember = (r: Record<string, unknown>): StaffMember => ({
  id: r.id as string,
  email: r.email as string,
  displayName: r.display_name as string,
  role: r.role as StaffRole,
  status: r.status === 'active' ? 'active' : 'disabled',
  createdAt: new Date(r.created_at as string).toISOString(),
})

export function createStaffService({
  db,
  auth,
  audit,
}: {
  db: Db
  auth: AuthService
  audit: AuditService
}): StaffService {
  const base = (trx = db) =>
    trx('staff as s')
      .join('parties as p', 'p.id', 's.party_id')
      .select(
        'p.id',
        's.email',
        'p.display_name',
        's.role',
        'p.status',
        'p.created_at',
        trx.raw(cursorAt('p.created_at')),
      )
  const get = async (id: string, trx = db) => {
    const r = await base(trx).where('p.id', id).first()
    return r ? toMember(r) : undefined
  }
  return {
    async me(id) {
      const m = await get(id)
      if (!m) return undefined
      const permissions = (Object.entries(permissionMatrix) as Array<[Permission, readonly string[]]>)
        .filter(([, roles]) => roles.includes(m.role))
        .map(([p]) => p)
      return { ...m, permissions }
    },
    async list({ cursor, limit }) {
      const q = base()
        .orderBy([
          { column: 'p.created_at', order: 'desc' },
          { column: 'p.id', order: 'desc' },
        ])
        .limit(limit + 1)
      if (cursor) q.whereRaw('(p.created_at, p.id) < (?::timestamptz, ?)', [cursor.at, cursor.id])
      return (await q).map((r) => ({ ...toMember(r), cursorAt: r.cursor_at as string }))
    },
    async create(by, s) {
      const email = s.email.toLowerCase()
      return db.transaction(async (trx) => {
        const [p] = await trx('parties')
          .insert({ kind: 'staff', roles: [s.role], display_name: s.displayName, email, status: 'active' })
          .onConflict('email')
          .ignore()
          .returning('id')
        if (!p) return StaffError.EmailTaken
        await trx('staff').insert({ party_id: p.id, email, role: s.role })
        await auth.setSecret(trx, p.id, 'password', s.password)
        await audit.record(trx, {
          actorId: by,
          action: 'staff.create',
          targetType: 'party',
          targetId: p.id,
          details: { email, role: s.role },
        })
        return (await get(p.id, trx))!
      })
    },
    async setDisabled(by, id, disabled, reason) {
      if (disabled && by === id) return StaffError.Self
      return db.transaction(async (trx) => {
        const p = await trx('parties').where({ id, kind: 'staff' }).forUpdate().first('id')
        if (!p) return StaffError.Unknown
        await trx('parties')
          .where({ id })
          .update({
            status: disabled ? 'closed' : 'active',
            locked_reason: disabled ? (reason ?? null) : null,
            updated_at: trx.fn.now(),
          })
        if (disabled) await auth.revokeAllSessions(trx, id, 'staff account disabled')
        await audit.record(trx, {
          actorId: by,
          action: disabled ? 'staff.disable' : 'staff.enable',
          targetType: 'party',
          targetId: id,
          details: reason ? { reason } : {},
        })
        return (await get(id, trx))!
      })
    },
  }
}
