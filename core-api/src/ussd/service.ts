import { timingSafeEqual, createHash } from 'node:crypto'
import type { Db } from '@gopay/db'
import { AuthError } from '../auth/errors'
import type { AuthService, Session } from '../auth/service'
import type { TariffService } from '../tariffs/service'
import { maskPhone } from '@gopay/vocabulary'
import { numberOrAlias } from '../parties/numbers'

export interface Subscriber {
  registered: boolean
  status?: string
  firstName?: string
  language?: 'en' | 'sw'
  kycTier?: number
}

export type ActFor =
  | { ok: true; accessToken: string; expiresIn: number }
  | { ok: false; reason: 'wrong_pin' | 'locked' | 'unknown'; remainingAttempts?: number }

export interface UssdService {
  /** The gateway's own session, for its service secret; null for a wrong secret or none configured. */
  serviceSession(secret: string): Promise<Session | null>
  subscriber(phone: string): Promise<Subscriber>
  /** How a payee is shown on a confirm screen, before the PIN: enough to recognise, no more. */
  payeeName(kind: 'wallet' | 'agent' | 'merchant', ref: string): Promise<string | null>
  fee(type: string, amount: bigint): Promise<bigint | null>
  /** A session acting for the user of the phone, opened only by that user's PIN. */
  actFor(phone: string, pin: string): Promise<ActFor>
  recordSessionEnd(e: {
    sessionId: string
    phone: string
    serviceCode?: string
    networkCode?: string
    status: string
    durationMs?: number
    hops?: number
    errorMessage?: string
    lastResponse?: string
    cost?: string
  }): Promise<void>
}

const sha = (s: string) => createHash('sha256').update(s).digest()

export function createUssdService(deps: {
  db: Db
  auth: AuthService
  tariffs: TariffService
  currency: string
  serviceSecret?: string
}): UssdService {
  const { db, auth, tariffs, currency } = deps
  return {
    async serviceSession(secret) {
      if (!deps.serviceSecret || !timingSafeEqual(sha(secret), sha(deps.serviceSecret))) return null
      // The gateway's party, made on its first sign-in (the upsert answers the row either way).
      const [party] = await db('parties')
        .insert({
          kind: 'service',
          roles: ['ussd'],
          display_name: 'USSD gateway',
          email: 'ussd-gateway@service.gopay',
        })
        .onConflict('email')
        .merge(['display_name'])
        .returning('id')
      return auth.openSession(party.id, ['ussd'])
    },
    async subscriber(phone) {
      const p = await db('parties as p')
        .join('users as u', 'u.party_id', 'p.id')
        .where({ 'p.phone': phone, 'p.kind': 'user' })
        .first('p.status', 'p.language', 'p.kyc_tier', 'u.first_name')
      if (!p) return { registered: false }
      return {
        registered: true,
        status: p.status,
        firstName: p.first_name,
        language: p.language,
        kycTier: p.kyc_tier,
      }
    },
    async payeeName(kind, ref) {
      if (kind === 'wallet') {
        const u = await db('parties as p')
          .join('users as u', 'u.party_id', 'p.id')
          .where({ 'p.phone': ref, 'p.status': 'active' })
          .first('u.first_name', 'u.last_name')
        return u ? `${u.first_name} ${String(u.last_name).slice(0, 1)}. ${maskPhone(ref)}` : null
      }
      const table = kind === 'agent' ? 'agents' : 'merchants'
      const r = await db(`${table} as x`)
        .join('parties as p', 'p.id', 'x.party_id')
        .where({ 'p.status': 'active' })
        .where(numberOrAlias('x', ref))
        .first('x.business_name')
      return r?.business_name ?? null
    },
    async fee(type, amount) {
      return (await tariffs.quote(type, currency, amount))?.fee ?? null
    },
    async actFor(phone, pin) {
      const s = await auth.loginWithPin(phone, pin)
      if ('accessToken' in s) return { ok: true, accessToken: s.accessToken, expiresIn: s.expiresIn }
      if (s.ok) return { ok: false, reason: 'unknown' }
      if (s.error === AuthError.InvalidPin || s.error === AuthError.WrongCredentials)
        return s.remainingAttempts === undefined
          ? { ok: false, reason: 'unknown' }
          : { ok: false, reason: 'wrong_pin', remainingAttempts: s.remainingAttempts }
      if (s.error === AuthError.Locked) return { ok: false, reason: 'locked' }
      return { ok: false, reason: 'unknown' }
    },
    async recordSessionEnd(e) {
      await db('ussd_sessions')
        .insert({
          session_id: e.sessionId,
          phone: e.phone,
          service_code: e.serviceCode,
          network_code: e.networkCode,
          status: e.status,
          duration_ms: e.durationMs,
          hops: e.hops,
          error_message: e.errorMessage,
          last_response: e.lastResponse,
          cost: e.cost,
        })
        .onConflict('session_id')
        .merge()
    },
  }
}
