import type { Db, Executor } from '@gopay/db'
import { AuthError } from './errors'
import { hashSecret, verifySecret } from './secrets'
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
  /** Checks a PIN, counting wrong tries; the third wrong try locks the PIN. */
  /**
   * Checks a PIN, counting wrong tries; the third wrong try locks the PIN. Inside a transaction, pass
   * it: the count is then written with the answer the transaction stores.
   */
  verifyPin(partyId: string, pin: string, trx?: Executor): Promise<CredentialCheck>
  /** Signs every session of a party out at once. */
  revokeAllSessions(trx: Executor, partyId: string, reason: string): Promise<void>
  /** The principal's session is still valid: party active and session not revoked. */
  isSessionActive(p: Principal): Promise<'active' | 'revoked' | 'locked'>
  setSecret(trx: Executor, partyId: string, kind: 'pin' | 'password', secret: string): Promise<void>
}

interface Deps {
  db: Db
  tokens: TokenSigner
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

export function createAuthService({ db, tokens, refreshTokenDays }: Deps): AuthService {
  let decoy: Promise<string> | undefined
  async function check(
    row: CredentialRow | undefined,
    secret: string,
    kind: 'pin' | 'password',
    trx: Executor = db,
  ): Promise<CredentialCheck> {
    if (!row) {
      // Same cost as a real check, so timing does not tell which phones are registered.
      decoy ??= hashSecret('decoy-secret-for-unknown-logins')
      await verifySecret(await decoy, secret)
      return { ok: false, error: AuthError.WrongCredentials }
    }
    if (row.locked_at || row.status === 'locked' || row.status === 'closed')
      return { ok: false, error: AuthError.Locked }
    if (await verifySecret(row.secret_hash, secret)) {
      if (row.failed_attempts > 0)
        await trx('credentials').where({ party_id: row.party_id, kind }).update({ failed_attempts: 0 })
      return { ok: true }
    }
    if (kind === 'password') return { ok: false, error: AuthError.WrongCredentials }
    const { rows } = await trx.raw(
      `UPDATE credentials SET failed_attempts = failed_attempts + 1,
         locked_at = CASE WHEN failed_attempts + 1 >= ? THEN now() ELSE locked_at END
       WHERE party_id = ? AND kind = 'pin' RETURNING failed_attempts`,
      [MAX_PIN_ATTEMPTS, row.party_id],
    )
    const attempts = Number(rows[0]?.failed_attempts ?? MAX_PIN_ATTEMPTS)
    if (attempts >= MAX_PIN_ATTEMPTS) return { ok: false, error: AuthError.Locked }
    return { ok: false, error: AuthError.InvalidPin, remainingAttempts: MAX_PIN_ATTEMPTS - attempts }
  }

  const credentialQuery = (kind: 'pin' | 'password', trx: Executor = db) =>
    trx('parties as p')
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

  async function login(row: CredentialRow | undefined, secret: string, kind: 'pin' | 'password') {
    const result = await check(row, secret, kind)
    if (!result.ok) return result
    if (row!.status === 'pending_otp') return { ok: false as const, error: AuthError.PhoneNotVerified }
    return openSession(row!.party_id, row!.roles)
  }

  const service: AuthService = {
    openSession,
    async loginWithPin(phone, pin) {
      return login(await credentialQuery('pin').where('p.phone', phone).first(), pin, 'pin')
    },
    async loginWithPassword(email, password) {
      return login(
        await credentialQuery('password').where('p.email', email.toLowerCase()).first(),
        password,
        'password',
      )
    },
    async verifyPin(partyId, pin, trx = db) {
      return check(await credentialQuery('pin', trx).where('p.id', partyId).first(), pin, 'pin', trx)
    },
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
      const secret_hash = await hashSecret(secret)
      await trx('credentials')
        .insert({ party_id: partyId, kind, secret_hash, failed_attempts: 0, locked_at: null })
        .onConflict(['party_id', 'kind'])
        .merge({ secret_hash, failed_attempts: 0, locked_at: null, changed_at: new Date() })
    },
  }
  return service
}
