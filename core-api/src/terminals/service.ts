import { createHash, randomInt } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'
import { AuthError } from '../auth/errors'
import type { AuthService, Session } from '../auth/service'
import { isDeviceError, type DeviceService } from '../devices/service'
import { numberOrAlias } from '../parties/numbers'

export enum TerminalError {
  UnknownOwner = 'UnknownOwner',
  UnknownTerminal = 'UnknownTerminal',
  UnknownCode = 'UnknownCode',
  WrongSecret = 'WrongSecret',
  Locked = 'Locked',
  WipeOrdered = 'WipeOrdered',
  NotOwner = 'NotOwner',
  InvalidPin = 'InvalidPin',
  PinLocked = 'PinLocked',
  NothingToConfirm = 'NothingToConfirm',
}

export type TerminalFailure = { error: TerminalError; remainingAttempts?: number }
export const isTerminalFailure = (o: unknown): o is TerminalFailure =>
  !!o &&
  typeof o === 'object' &&
  'error' in o &&
  Object.values(TerminalError).includes((o as TerminalFailure).error)

export type TerminalKind = 'agent' | 'merchant'
export type TerminalStatus = 'pending_activation' | 'active' | 'locked' | 'wipe_ordered' | 'wiped'

export interface Terminal {
  id: string
  label: string
  kind: TerminalKind
  ownerCode: string
  ownerName: string
  status: TerminalStatus
  lastCheckInAt: string | null
  activatedAt: string | null
  createdAt: string
}

export interface Activation {
  terminalId: string
  deviceSecret: string
  kind: TerminalKind
  ownerCode: string
  label: string
  currency: string
}

export interface TerminalService {
  /** Staff enrol a terminal for an agent or a till; the one-time activation code is shown once. */
  enrol(
    actorId: string,
    e: { agentCode?: string; tillCode?: string; label?: string },
  ): Promise<{ id: string; activationCode: string; expiresAt: string } | TerminalFailure>
  list(filter: { agentCode?: string; tillCode?: string; limit: number }): Promise<Terminal[]>
  lock(actorId: string, id: string): Promise<Terminal | TerminalFailure>
  unlock(actorId: string, id: string): Promise<Terminal | TerminalFailure>
  orderWipe(actorId: string, id: string): Promise<Terminal | TerminalFailure>
  /** The code works once: two racing activations of one code, exactly one wins. */
  activate(code: string): Promise<Activation | TerminalFailure>
  checkIn(id: string, secret: string): Promise<(Terminal & { currency: string }) | TerminalFailure>
  confirmWipe(id: string, secret: string): Promise<{ status: 'wiped' } | TerminalFailure>
  /** An operator (the terminal's owner only) signs in on the terminal with phone and PIN. */
  signIn(id: string, secret: string, c: { phone: string; pin: string }): Promise<Session | TerminalFailure>
  /** The operator signs out: their session on this terminal ends (access and refresh tokens). */
  signOut(id: string, sessionId: string): Promise<{ signedOut: true } | TerminalFailure>
}

/** How long an activation code works. */
export const ACTIVATION_TTL_MS = 30 * 60_000
// No 0/O, 1/I: the code is read off a screen and typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newCode = () => {
  const c = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`
}
const normalise = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '')
// The code carries 60 random bits and lives 30 minutes: a plain hash is enough to keep it from the table.
const hashCode = (code: string) => createHash('sha256').update(normalise(code)).digest('hex')
const fail = (error: TerminalError, remainingAttempts?: number): TerminalFailure => ({
  error,
  remainingAttempts,
})

interface Row {
  device_id: string
  label: string
  kind: TerminalKind
  owner_party_id: string
  owner_code: string
  owner_name: string
  device_status: 'active' | 'wipe_pending' | 'wiped'
  last_seen_at: Date | null
  activated_at: Date | null
  locked_at: Date | null
  created_at: Date
}

const statusOf = (r: Row): TerminalStatus =>
  r.device_status === 'wiped'
    ? 'wiped'
    : r.device_status === 'wipe_pending'
      ? 'wipe_ordered'
      : !r.activated_at
        ? 'pending_activation'
        : r.locked_at
          ? 'locked'
          : 'active'

const toTerminal = (r: Row): Terminal => ({
  id: r.device_id,
  label: r.label,
  kind: r.kind,
  ownerCode: r.owner_code,
  ownerName: r.owner_name,
  status: statusOf(r),
  lastCheckInAt: r.last_seen_at?.toISOString() ?? null,
  activatedAt: r.activated_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
})

export function createTerminalService({
  db,
  devices,
  auth,
  currency,
}: {
  db: Db
  devices: DeviceService
  auth: AuthService
  currency: string
}): TerminalService {
  const rows = (trx: Executor = db) =>
    trx('terminals as t')
      .join('devices as d', 'd.id', 't.device_id')
      .join('parties as p', 'p.id', 't.owner_party_id')
      .leftJoin('agents as a', 'a.party_id', 't.owner_party_id')
      .leftJoin('merchants as m', 'm.party_id', 't.owner_party_id')
      .select(
        't.device_id',
        'd.label',
        't.kind',
        't.owner_party_id',
        db.raw('coalesce(a.code, m.code) AS owner_code'),
        db.raw('coalesce(a.business_name, m.business_name, p.display_name) AS owner_name'),
        'd.status as device_status',
        'd.last_seen_at',
        't.activated_at',
        't.locked_at',
        't.created_at',
      )
  const one = async (id: string, trx: Executor = db) =>
    (await rows(trx).where('t.device_id', id).first()) as Row | undefined

  async function audit(trx: Executor, actorId: string | null, action: string, id: string) {
    await trx('audit_log').insert({
      actor_party_id: actorId,
      action,
      target_type: 'terminal',
      target_id: id,
    })
  }

  /** The terminal behind a secret, with its row locked against a concurrent lock or wipe. */
  async function authenticated(trx: Executor, id: string, secret: string) {
    const device = await devices.authenticate(trx, id, secret)
    if (isDeviceError(device)) return fail(TerminalError.WrongSecret)
    const locked = await trx('terminals').where({ device_id: id }).forShare().first('device_id')
    const row = locked && (await one(id, trx))
    if (!row) return fail(TerminalError.WrongSecret)
    return row
  }

  return {
    async enrol(actorId, e) {
      // A number, or the old-style code it replaced (AG001, MC001), as every flow takes them.
      const [table, code] = e.agentCode ? ['agents', e.agentCode] : ['merchants', e.tillCode]
      const owner = await db(table).where(numberOrAlias(table, code!)).first('party_id', 'business_name')
      if (!owner) return fail(TerminalError.UnknownOwner)
      const activationCode = newCode()
      const expiresAt = new Date(Date.now() + ACTIVATION_TTL_MS)
      const id = await db.transaction(async (trx) => {
        const id = await devices.enrol(trx, owner.party_id, e.label ?? `Terminal of ${owner.business_name}`)
        await trx('terminals').insert({
          device_id: id,
          owner_party_id: owner.party_id,
          kind: e.agentCode ? 'agent' : 'merchant',
          activation_code_hash: hashCode(activationCode),
          activation_expires_at: expiresAt,
          created_by: actorId,
        })
        await audit(trx, actorId, 'terminal.enrolled', id)
        return id
      })
      return { id, activationCode, expiresAt: expiresAt.toISOString() }
    },
    async list({ agentCode, tillCode, limit }) {
      const q = rows().orderBy('t.created_at', 'desc').limit(limit)
      if (agentCode) q.where(numberOrAlias('a', agentCode))
      if (tillCode) q.where(numberOrAlias('m', tillCode))
      return ((await q) as Row[]).map(toTerminal)
    },
    async lock(actorId, id) {
      return db.transaction(async (trx) => {
        const [row] = await trx('terminals')
          .where({ device_id: id })
          .update({ locked_at: trx.raw('coalesce(locked_at, now())') })
          .returning('device_id')
        if (!row) return fail(TerminalError.UnknownTerminal)
        await auth.revokeTerminalSessions(trx, id, 'terminal locked')
        await audit(trx, actorId, 'terminal.locked', id)
        return toTerminal((await one(id, trx))!)
      })
    },
    async unlock(actorId, id) {
      return db.transaction(async (trx) => {
        const [row] = await trx('terminals')
          .where({ device_id: id })
          .update({ locked_at: null })
          .returning('device_id')
        if (!row) return fail(TerminalError.UnknownTerminal)
        await audit(trx, actorId, 'terminal.unlocked', id)
        return toTerminal((await one(id, trx))!)
      })
    },
    async orderWipe(actorId, id) {
      return db.transaction(async (trx) => {
        // The terminal's row first: a sign-in racing the wipe either ends before it (and is revoked
        // here) or sees the wipe.
        const t = await trx('terminals').where({ device_id: id }).forUpdate().first('device_id')
        if (!t) return fail(TerminalError.UnknownTerminal)
        const ordered = await devices.orderWipeBy(trx, id, actorId)
        if (isDeviceError(ordered)) return fail(TerminalError.UnknownTerminal)
        await auth.revokeTerminalSessions(trx, id, 'terminal wipe ordered')
        return toTerminal((await one(id, trx))!)
      })
    },
    async activate(code) {
      return db.transaction(async (trx) => {
        // One statement decides: the second of two racing activations finds the code already cleared.
        const [t] = await trx('terminals')
          .where({ activation_code_hash: hashCode(code) })
          .whereNull('activated_at')
          .where('activation_expires_at', '>', trx.fn.now())
          .update({ activation_code_hash: null, activated_at: trx.fn.now() })
          .returning('device_id')
        if (!t) return fail(TerminalError.UnknownCode)
        const deviceSecret = await devices.issueSecret(trx, t.device_id)
        await audit(trx, null, 'terminal.activated', t.device_id)
        const row = (await one(t.device_id, trx))!
        return {
          terminalId: row.device_id,
          deviceSecret,
          kind: row.kind,
          ownerCode: row.owner_code,
          label: row.label,
          currency,
        }
      })
    },
    async checkIn(id, secret) {
      const device = await devices.authenticate(db, id, secret)
      if (isDeviceError(device)) return fail(TerminalError.WrongSecret)
      await devices.seen(id)
      const row = await one(id)
      if (!row) return fail(TerminalError.WrongSecret)
      return { ...toTerminal(row), currency }
    },
    async confirmWipe(id, secret) {
      const t = await db('terminals').where({ device_id: id }).first('device_id')
      if (!t) return fail(TerminalError.WrongSecret)
      const done = await devices.confirmWipe(id, secret)
      if (isDeviceError(done))
        return fail(done === 'WrongSecret' ? TerminalError.WrongSecret : TerminalError.NothingToConfirm)
      return { status: 'wiped' as const }
    },
    async signOut(id, sessionId) {
      const n = await db('refresh_token_families')
        .where({ id: sessionId, terminal_id: id })
        .whereNull('revoked_at')
        .update({ revoked_at: db.fn.now(), revoked_reason: 'signed out on the terminal' })
      return n ? { signedOut: true as const } : fail(TerminalError.UnknownTerminal)
    },
    async signIn(id, secret, { phone, pin }) {
      return db.transaction(async (trx) => {
        const t = await authenticated(trx, id, secret)
        if ('error' in t) return t
        const status = statusOf(t)
        if (status === 'wipe_ordered' || status === 'wiped') return fail(TerminalError.WipeOrdered)
        if (status === 'locked') return fail(TerminalError.Locked)
        const owner = await trx('parties').where({ id: t.owner_party_id }).first('id', 'phone', 'roles')
        if (!owner || owner.phone !== phone) return fail(TerminalError.NotOwner)
        // Counted like every PIN; the count is written with this transaction.
        const check = await auth.verifyPin(trx, owner.id, pin)
        if (!check.ok)
          return check.error === AuthError.InvalidPin
            ? fail(TerminalError.InvalidPin, check.remainingAttempts)
            : fail(TerminalError.PinLocked)
        return auth.openSession(owner.id, owner.roles, { trx, terminalId: id })
      })
    },
  }
}
