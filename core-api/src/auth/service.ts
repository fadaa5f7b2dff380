import type { Db, Executor } from '@gopay/db'
import type { Notifier } from '../notifications/service'
import { AuthError } from './errors'
import { hashSecret, pinWeakness, verifySecret } from './secrets'
import { hashToken, newRefreshToken, type Principal, type TokenSigner } from './tokens'

export const MAX_PIN_ATTEMPTS = 3

export interface Session {
  accessToken: string
  refreshToken: string
  expiresIn: number
  principal: { id: string; roles: string[] }
}

export type CredentialCheck = { ok: true } | { ok: false; error: AuthError; remainingAttempts?: number }

export interface AuthService {
  loginWithPin(phone: string, pin: string): Promise<Session | CredentialCheck>
  loginWithPassword(email: string, password: string): Promise<Session | CredentialCheck>
  /**
   * A session for a party already proven some other way (a service's own secret). `terminalId` binds
   * it to a terminal (locking or wiping the terminal revokes it); `trx` writes it in the caller's
   * transaction.
   */
  openSession(
    partyId: string,
    roles: string[],
    opts?: { trx?: Executor; terminalId?: string },
  ): Promise<Session>
  /** Signs every session opened on a terminal out at once. */
  revokeTerminalSessions(trx: Executor, terminalId: string, reason: string): Promise<void>
  refresh(refreshToken: string): Promise<Session | AuthError>
  /**
   * The one PIN check (sign-in, counter cash-out, USSD, PIN change, card with PIN): under the
   * credential's row lock, so checks of one party's PIN run one after the other whatever the
   * concurrency, and no more than MAX_PIN_ATTEMPTS wrong PINs are ever checked before the lock.
   * The third wrong try locks the PIN and texts its owner. The lock is held until `trx` ends: the
   * count is written with whatever the transaction stores.
   */
  verifyPin(trx: Executor, partyId: string, pin: string): Promise<CredentialCheck>
  /** Signs every session of a party out at once. */
  revokeAllSessions(trx: Executor, partyId: string, reason: string): Promise<void>
  /**
   * An account's standing, written here only: a locked or closed account is signed out everywhere in
   * the same transaction; reopening clears the reason. `from` limits the change to accounts in that
   * status (unlocking never reopens a closed account). Answers whether the account changed.
   */
  setStanding(
    trx: Executor,
    partyId: string,
    to: { status: 'active' | 'locked' | 'closed'; reason?: string; from?: 'active' | 'locked' | 'closed' },
  ): Promise<boolean>
  /** The principal's session is still valid: party active and session not revoked. */
  isSessionActive(p: Principal): Promise<'active' | 'revoked' | 'locked'>
  setSecret(trx: Executor, partyId: string, kind: 'pin' | 'password', secret: string): Promise<void>
}

interface Deps {
  db: Db
  tokens: TokenSigner
  notifier: Notifier
  refreshTokenDays: number
}

interface CredentialRow {
  party_id: string
  roles: string[]
  status: string
  secret_hash: string
  failed_attempts: number
  locked_at: Date | null
}

export function createAuthService({ db, tokens, notifier, refreshTokenDays }: Deps): AuthService {
  let decoy: Promise<string> | undefined
  /** Same cost as a real check, so timing does not tell which phones are registered. */
  async function decoyCheck(secret: string): Promise<CredentialCheck> {
    decoy ??= hashSecret('decoy-secret-for-unknown-logins')
    await verifySecret(await decoy, secret)
    return { ok: false, error: AuthError.WrongCredentials }
  }
  const isLocked = (row: { locked_at: Date | null; status: string }) =>
    !!row.locked_at || row.status === 'locked' || row.status === 'closed'

  async function checkPassword(row: CredentialRow | undefined, secret: string): Promise<CredentialCheck> {
    if (!row) return decoyCheck(secret)
    if (isLocked(row)) return { ok: false, error: AuthError.Locked }
    return (await verifySecret(row.secret_hash, secret))
      ? { ok: true }
      : { ok: false, error: AuthError.WrongCredentials }
  }

  async function verifyPin(trx: Executor, partyId: string, pin: string): Promise<CredentialCheck> {
    // Read and counted under the credential's row lock: a check that waited here sees every
    // earlier check's count, so a burst of guesses is checked one at a time and stops at the lock.
    const row = (await trx('credentials as c')
      .join('parties as p', 'p.id', 'c.party_id')
      .where({ 'c.party_id': partyId, 'c.kind': 'pin' })
      .forUpdate('c')
      .first('p.status', 'c.secret_hash', 'c.failed_attempts', 'c.locked_at')) as
      Pick<CredentialRow, 'status' | 'secret_hash' | 'failed_attempts' | 'locked_at'> | undefined
    if (!row) return decoyCheck(pin)
    if (isLocked(row)) return { ok: false, error: AuthError.Locked }
    if (await verifySecret(row.secret_hash, pin)) {
      if (row.failed_attempts > 0)
        await trx('credentials').where({ party_id: partyId, kind: 'pin' }).update({ failed_attempts: 0 })
      return { ok: true }
    }
    const attempts = row.failed_attempts + 1
    const locks = attempts >= MAX_PIN_ATTEMPTS
    await trx('credentials')
      .where({ party_id: partyId, kind: 'pin' })
      .update({ failed_attempts: attempts, ...(locks ? { locked_at: trx.fn.now() } : {}) })
    if (!locks)
      return { ok: false, error: AuthError.InvalidPin, remainingAttempts: MAX_PIN_ATTEMPTS - attempts }
    await notifier.notify(trx, { partyId, kind: 'pin_locked', params: {}, alwaysSms: true })
    return { ok: false, error: AuthError.Locked }
  }

  const credentialQuery = (kind: 'pin' | 'password') =>
    db('parties as p')
      .join('credentials as c', function () {
        this.on('c.party_id', 'p.id').andOnVal('c.kind', kind)
      })
      .select('p.id as party_id', 'p.roles', 'p.status', 'c.secret_hash', 'c.failed_attempts', 'c.locked_at')

  async function openSession(
    partyId: string,
    roles: string[],
    opts: { trx?: Executor; terminalId?: string } = {},
  ): Promise<Session> {
    const refreshToken = newRefreshToken()
    const write = async (trx: Executor) => {
      const [family] = await trx('refresh_token_families')
        .insert({ party_id: partyId, terminal_id: opts.terminalId ?? null })
        .returning('id')
      await trx('refresh_tokens').insert({
        family_id: family.id,
        token_hash: hashToken(refreshToken),
        expires_at: new Date(Date.now() + refreshTokenDays * 86_400_000),
      })
      return family.id as string
    }
    const sessionId = opts.trx ? await write(opts.trx) : await db.transaction(write)
    return {
      accessToken: tokens.signAccess({ id: partyId, roles, sessionId }),
      refreshToken,
      expiresIn: tokens.accessTtlSeconds,
      principal: { id: partyId, roles },
    }
  }

  async function signIn(row: CredentialRow | undefined, result: CredentialCheck) {
    if (!result.ok) return result
    if (row!.status === 'pending_otp') return { ok: false as const, error: AuthError.PhoneNotVerified }
    return openSession(row!.party_id, row!.roles)
  }

  const service: AuthService = {
    openSession,
    async loginWithPin(phone, pin) {
      const row = await credentialQuery('pin').where('p.phone', phone).first()
      if (!row) return decoyCheck(pin)
      return signIn(row, await db.transaction((trx) => verifyPin(trx, row.party_id, pin)))
    },
    async loginWithPassword(email, password) {
      const row = await credentialQuery('password').where('p.email', email.toLowerCase()).first()
      return signIn(row, await checkPassword(row, password))
    },
    verifyPin,
    async refresh(refreshToken) {
      const refreshed = await db.transaction(async (trx) => {
        const row = await trx('refresh_tokens as t')
          .join('refresh_token_families as f', 'f.id', 't.family_id')
          .join('parties as p', 'p.id', 'f.party_id')
          .where('t.token_hash', hashToken(refreshToken))
          .forUpdate()
          .first(
            't.id',
            't.used_at',
            't.expires_at',
            'f.id as family_id',
            'f.revoked_at',
            'p.id as party_id',
            'p.roles',
            'p.status',
          )
        if (!row || row.revoked_at || row.expires_at < new Date()) return AuthError.InvalidRefreshToken
        if (row.used_at) {
          // A used token presented again means it leaked: end the whole family.
          await trx('refresh_token_families')
            .where({ id: row.family_id })
            .update({ revoked_at: trx.fn.now(), revoked_reason: 'refresh token reused' })
          return AuthError.RefreshTokenReused
        }
        if (row.status !== 'active') return AuthError.Locked
        await trx('refresh_tokens').where({ id: row.id }).update({ used_at: trx.fn.now() })
        const next = newRefreshToken()
        await trx('refresh_tokens').insert({
          family_id: row.family_id,
          token_hash: hashToken(next),
          expires_at: new Date(Date.now() + refreshTokenDays * 86_400_000),
        })
        return { next, row }
      })
      if (typeof refreshed === 'string') return refreshed
      const { next, row } = refreshed
      return {
        accessToken: tokens.signAccess({ id: row.party_id, roles: row.roles, sessionId: row.family_id }),
        refreshToken: next,
        expiresIn: tokens.accessTtlSeconds,
        principal: { id: row.party_id, roles: row.roles },
      }
    },
    async revokeAllSessions(trx, partyId, reason) {
      await trx('refresh_token_families')
        .where({ party_id: partyId })
        .whereNull('revoked_at')
        .update({ revoked_at: trx.fn.now(), revoked_reason: reason })
    },
    async setStanding(trx, partyId, { status, reason, from }) {
      const q = trx('parties').where({ id: partyId })
      if (from) q.andWhere({ status: from })
      const changed = await q.update({
        status,
        locked_reason: status === 'active' ? null : (reason ?? null),
        updated_at: trx.fn.now(),
      })
      if (status !== 'active')
        await service.revokeAllSessions(trx, partyId, `${status}: ${reason ?? ''}`.trim())
      return changed > 0
    },
    async revokeTerminalSessions(trx, terminalId, reason) {
      await trx('refresh_token_families')
        .where({ terminal_id: terminalId })
        .whereNull('revoked_at')
        .update({ revoked_at: trx.fn.now(), revoked_reason: reason })
    },
    async isSessionActive(p) {
      const { rows } = await db.raw(
        `SELECT p.status, f.id AS family_id, f.revoked_at FROM parties p
         LEFT JOIN refresh_token_families f ON f.id = ? AND f.party_id = p.id WHERE p.id = ?`,
        [p.sessionId, p.id],
      )
      const row = rows[0]
      if (!row) return 'revoked'
      if (row.status === 'locked' || row.status === 'closed') return 'locked'
      return row.family_id && row.revoked_at === null ? 'active' : 'revoked'
    },
    async setSecret(trx, partyId, kind, secret) {
      // Every path that stores a PIN comes through here: the trivial-PIN rule is kept even by one
      // that forgot to check (its callers answer the rule's reason to people before getting here).
      const weakness = kind === 'pin' ? pinWeakness(secret) : null
      if (weakness) throw new Error(`refusing to store a PIN the rules forbid: ${weakness}`)
      const secret_hash = await hashSecret(secret)
      await trx('credentials')
        .insert({ party_id: partyId, kind, secret_hash, failed_attempts: 0, locked_at: null })
        .onConflict(['party_id', 'kind'])
        .merge({ secret_hash, failed_attempts: 0, locked_at: null, changed_at: new Date() })
    },
  }
  return service
}
