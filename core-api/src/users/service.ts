import { createHash, randomInt } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'
import type { AuthService } from '../auth/service'
import { pinWeakness } from '../auth/secrets'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import type { Outbox } from '../outbox/service'
import { UserError } from './errors'

export interface User {
  id: string
  phone: string
  firstName: string
  lastName: string
  kycTier: number
  status: string
  language: string
  notifyBySms: boolean
}

export interface Registration {
  phone: string
  firstName: string
  lastName: string
  pin: string
  idNumber?: string
  language?: 'en' | 'sw'
}

export interface UserService {
  /**
   * Opens a wallet. `phoneVouched` is for channels where the network proves the number (USSD);
   * otherwise the account waits for the SMS code.
   */
  register(
    r: Registration,
    opts?: { phoneVouched?: boolean },
  ): Promise<User | { error: UserError; detail?: string }>
  confirmPhone(phone: string, code: string): Promise<User | UserError>
  resendCode(phone: string): Promise<void | UserError>
  get(id: string, trx?: Executor): Promise<User | undefined>
  submitKyc(id: string, doc: { idType: string; idNumber: string }): Promise<User | UserError>
  verifyKyc(id: string, staffId: string): Promise<User | UserError>
  /** Locks the account and signs every session out at once; nothing moves until staff unlock it. */
  lock(id: string, by: { actorId: string; reason: string }): Promise<User | UserError>
  unlock(id: string, by: { actorId: string }): Promise<User | UserError>
  updateProfile(
    id: string,
    p: { firstName?: string; lastName?: string; language?: 'en' | 'sw'; notifyBySms?: boolean },
  ): Promise<User | UserError>
  /**
   * A wallet opened by an agent at the counter, with the customer's ID declared (KYC submitted);
   * the phone still waits for its SMS code (confirmed with `confirmPhone`).
   */
  registerAtCounter(
    agentId: string,
    r: Registration & { idType: string; idNumber: string },
  ): Promise<User | { error: UserError; detail?: string }>
  /** Stores a photo of the customer's ID document; only by the agent who registered them. */
  storeIdPhoto(
    agentId: string,
    customerId: string,
    photo: { contentType: 'image/jpeg' | 'image/png'; content: Buffer },
  ): Promise<{ id: string; sha256: string; size: number; uploadedAt: string } | UserError>
  /** The latest ID photo of a customer, for KYC review. */
  idPhoto(customerId: string): Promise<{ contentType: string; content: Buffer } | undefined>
  /** A new PIN, the old one required; every other session is signed out. */
  changePin(
    id: string,
    c: { sessionId: string; oldPin: string; newPin: string },
  ): Promise<void | { error: UserError; detail?: string; remainingAttempts?: number }>
}

interface Deps {
  db: Db
  auth: AuthService
  ledger: LedgerService
  outbox: Outbox
  notifier: Notifier
  currency: string
}

const OTP_TTL_MS = 10 * 60_000
const OTP_MAX_TRIES = 5
const hashCode = (partyId: string, code: string) =>
  createHash('sha256').update(`${partyId}:${code}`).digest('hex')

const otpText = {
  en: (c: string) => `Your GoPay code is ${c}. It expires in 10 minutes. Never share it.`,
  sw: (c: string) => `Nambari yako ya GoPay ni ${c}. Itaisha baada ya dakika 10. Usimpe mtu yeyote.`,
}

export function createUserService({ db, auth, ledger, outbox, notifier, currency }: Deps): UserService {
  /** The welcome text, when the wallet becomes usable (at once on USSD, after the SMS code elsewhere). */
  const welcome = (trx: Executor, partyId: string, firstName: string, phone: string) =>
    notifier.notify(trx, { partyId, kind: 'welcome', params: { name: firstName, phone }, alwaysSms: true })

  async function get(id: string, trx: Executor = db): Promise<User | undefined> {
    const r = await trx('parties as p')
      .join('users as u', 'u.party_id', 'p.id')
      .where('p.id', id)
      .first(
        'p.id',
        'p.phone',
        'u.first_name',
        'u.last_name',
        'p.kyc_tier',
        'p.status',
        'p.language',
        'p.notify_by_sms',
      )
    return (
      r && {
        id: r.id,
        phone: r.phone,
        firstName: r.first_name,
        lastName: r.last_name,
        kycTier: r.kyc_tier,
        status: r.status,
        language: r.language,
        notifyBySms: r.notify_by_sms,
      }
    )
  }

  async function sendCode(trx: Executor, partyId: string, phone: string, language: string) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    await trx('otp_codes')
      .where({ party_id: partyId, purpose: 'phone' })
      .whereNull('consumed_at')
      .update({ consumed_at: trx.fn.now() })
    await trx('otp_codes').insert({
      party_id: partyId,
      purpose: 'phone',
      code_hash: hashCode(partyId, code),
      expires_at: new Date(Date.now() + OTP_TTL_MS),
    })
    await outbox.add(trx, {
      topic: 'sms.send',
      payload: { to: phone, message: (language === 'sw' ? otpText.sw : otpText.en)(code) },
    })
  }

  async function audit(
    trx: Executor,
    actorId: string,
    action: string,
    targetId: string,
    details: object = {},
  ) {
    await trx('audit_log').insert({
      actor_party_id: actorId,
      action,
      target_type: 'party',
      target_id: targetId,
      details: JSON.stringify(details),
    })
  }

  const service: UserService = {
    get: (id, trx) => get(id, trx),
    async register(r, opts = {}) {
      const weakness = pinWeakness(r.pin)
      if (weakness) return { error: UserError.WeakPin, detail: weakness }
      try {
        return await db.transaction(async (trx) => {
          const [party] = await trx('parties')
            .insert({
              kind: 'user',
              roles: ['user'],
              display_name: `${r.firstName} ${r.lastName}`,
              phone: r.phone,
              status: opts.phoneVouched ? 'active' : 'pending_otp',
              language: r.language ?? 'en',
            })
            .returning('id')
          await trx('users').insert({
            party_id: party.id,
            first_name: r.firstName,
            last_name: r.lastName,
            id_number: r.idNumber ?? null,
          })
          await auth.setSecret(trx, party.id, 'pin', r.pin)
          await ledger.openAccount(trx, { type: 'user_wallet', currency, partyId: party.id })
          if (!opts.phoneVouched) await sendCode(trx, party.id, r.phone, r.language ?? 'en')
          else await welcome(trx, party.id, r.firstName, r.phone)
          return (await get(party.id, trx))!
        })
      } catch (err) {
        if ((err as { code?: string }).code === '23505') return { error: UserError.PhoneTaken }
        throw err
      }
    },
    async registerAtCounter(agentId, r) {
      const user = await service.register(r)
      if ('error' in user) return user
      await db.transaction(async (trx) => {
        await trx('users').where({ party_id: user.id }).update({ registered_by: agentId })
        await trx('kyc_records').insert({
          party_id: user.id,
          tier: 1,
          id_type: r.idType,
          id_number: r.idNumber,
          status: 'submitted',
        })
        await audit(trx, agentId, 'user.registered_at_counter', user.id, { idType: r.idType })
      })
      return user
    },
    async storeIdPhoto(agentId, customerId, photo) {
      const mine = await db('users').where({ party_id: customerId, registered_by: agentId }).first('party_id')
      if (!mine) return UserError.UnknownUser
      const sha256 = createHash('sha256').update(photo.content).digest('hex')
      const [row] = await db('kyc_documents')
        .insert({
          party_id: customerId,
          kind: 'id_photo',
          content_type: photo.contentType,
          content: photo.content,
          sha256,
          uploaded_by: agentId,
        })
        .returning(['id', 'created_at'])
      return {
        id: row.id,
        sha256,
        size: photo.content.length,
        uploadedAt: (row.created_at as Date).toISOString(),
      }
    },
    async idPhoto(customerId) {
      const row = await db('kyc_documents')
        .where({ party_id: customerId, kind: 'id_photo' })
        .orderBy('created_at', 'desc')
        .first('content_type', 'content')
      return row && { contentType: row.content_type, content: row.content }
    },
    async confirmPhone(phone, code) {
      return db.transaction(async (trx) => {
        const party = await trx('parties').where({ phone }).forUpdate().first('id', 'status')
        if (!party) return UserError.UnknownUser
        if (party.status !== 'pending_otp') return UserError.AlreadyVerified
        const otp = await trx('otp_codes')
          .where({ party_id: party.id, purpose: 'phone' })
          .whereNull('consumed_at')
          .orderBy('created_at', 'desc')
          .first()
        if (!otp || otp.expires_at < new Date() || otp.attempts >= OTP_MAX_TRIES) return UserError.OtpExpired
        if (otp.code_hash !== hashCode(party.id, code)) {
          await trx('otp_codes').where({ id: otp.id }).increment('attempts', 1)
          return UserError.WrongOtp
        }
        await trx('otp_codes').where({ id: otp.id }).update({ consumed_at: trx.fn.now() })
        await trx('parties').where({ id: party.id }).update({ status: 'active', updated_at: trx.fn.now() })
        const user = (await get(party.id, trx))!
        await welcome(trx, party.id, user.firstName, user.phone)
        return user
      })
    },
    async resendCode(phone) {
      return db.transaction(async (trx) => {
        const party = await trx('parties').where({ phone }).forUpdate().first('id', 'status', 'language')
        if (!party) return UserError.UnknownUser
        if (party.status !== 'pending_otp') return UserError.AlreadyVerified
        await sendCode(trx, party.id, phone, party.language)
      })
    },
    async submitKyc(id, doc) {
      return db.transaction(async (trx) => {
        const user = await get(id, trx)
        if (!user) return UserError.UnknownUser
        await trx('kyc_records').insert({
          party_id: id,
          tier: 1,
          id_type: doc.idType,
          id_number: doc.idNumber,
          status: 'submitted',
        })
        await trx('users').where({ party_id: id }).update({ id_number: doc.idNumber })
        await trx('parties')
          .where({ id })
          .where('kyc_tier', '<', 1)
          .update({ kyc_tier: 1, updated_at: trx.fn.now() })
        return (await get(id, trx))!
      })
    },
    async verifyKyc(id, staffId) {
      return db.transaction(async (trx) => {
        const user = await get(id, trx)
        if (!user) return UserError.UnknownUser
        await trx('kyc_records')
          .where({ party_id: id, status: 'submitted' })
          .update({ status: 'verified', reviewed_by: staffId })
        await trx('parties').where({ id }).update({ kyc_tier: 2, updated_at: trx.fn.now() })
        await audit(trx, staffId, 'kyc.verify', id)
        return (await get(id, trx))!
      })
    },
    async lock(id, by) {
      return db.transaction(async (trx) => {
        // A wallet holder's account only: nothing is changed for an id that is not one.
        if (!(await get(id, trx))) return UserError.UnknownUser
        await auth.setStanding(trx, id, { status: 'locked', reason: by.reason })
        await audit(trx, by.actorId, 'account.lock', id, { reason: by.reason })
        return (await get(id, trx))!
      })
    },
    async updateProfile(id, p) {
      return db.transaction(async (trx) => {
        const user = await get(id, trx)
        if (!user) return UserError.UnknownUser
        const firstName = p.firstName ?? user.firstName
        const lastName = p.lastName ?? user.lastName
        await trx('users').where({ party_id: id }).update({ first_name: firstName, last_name: lastName })
        await trx('parties')
          .where({ id })
          .update({
            display_name: `${firstName} ${lastName}`,
            language: p.language ?? user.language,
            notify_by_sms: p.notifyBySms ?? user.notifyBySms,
            updated_at: trx.fn.now(),
          })
        return (await get(id, trx))!
      })
    },
    async changePin(id, { sessionId, oldPin, newPin }) {
      const weakness =
        pinWeakness(newPin) ?? (newPin === oldPin ? 'The new PIN must differ from the old one.' : null)
      // The old PIN is checked (and a wrong one counted) under the credential's lock, and the new one
      // set in the same transaction: a PIN change racing sign-ins or other changes is decided once.
      return db.transaction(async (trx) => {
        const check = await auth.verifyPin(trx, id, oldPin)
        if (!check.ok)
          return {
            error: UserError.WrongPin,
            remainingAttempts: check.remainingAttempts,
            detail: check.error,
          }
        if (weakness) return { error: UserError.WeakPin, detail: weakness }
        await auth.setSecret(trx, id, 'pin', newPin)
        await trx('refresh_token_families')
          .where({ party_id: id })
          .whereNot({ id: sessionId })
          .whereNull('revoked_at')
          .update({ revoked_at: trx.fn.now(), revoked_reason: 'PIN changed' })
        await audit(trx, id, 'pin.change', id)
      })
    },
    async unlock(id, by) {
      return db.transaction(async (trx) => {
        if (!(await get(id, trx))) return UserError.UnknownUser
        await auth.setStanding(trx, id, { status: 'active', from: 'locked' })
        // A PIN lockout ends with the unlock too.
        await trx('credentials').where({ party_id: id }).update({ failed_attempts: 0, locked_at: null })
        await audit(trx, by.actorId, 'account.unlock', id)
        return (await get(id, trx)) ?? UserError.UnknownUser
      })
    },
  }
  return service
}
