import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { permissionMatrix } from './permissions'
import { pinWeakness } from './secrets'

describe('PIN rules', () => {
  it.each(['0000', '1111', '1234', '4321', '6789', '1212', '123', '12345', 'abcd'])('refuses %s', (pin) => {
    expect(pinWeakness(pin)).not.toBeNull()
  })
  it.each(['1357', '2468', '1470', '3690', '8243'])('accepts %s', (pin) => {
    expect(pinWeakness(pin)).toBeNull()
  })
})

describe.skipIf(needsDatabase)('auth', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    await api.close()
  })
  const secret = () => api.config.jwtSecret

  it('refuses expired, tampered, unsigned and wrong-key tokens', async () => {
    const u = await api.user()
    const claims = jwt.decode(u.token) as jwt.JwtPayload
    const { exp: _exp, iat: _iat, ...rest } = claims
    const expired = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 10 }, secret(), {
      algorithm: 'HS256',
    })
    const [h, p, s] = u.token.split('.')
    const tamperedPayload = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')
    const tampered = `${h}.${tamperedPayload}.${s}`
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`
    const wrongKey = jwt.sign(rest, 'another-secret-another-secret-another-secret', { algorithm: 'HS256' })
    for (const token of [expired, tampered, none, wrongKey, 'garbage']) {
      const r = await api.call('GET', '/v1/me/wallet', { token })
      expect(r.status).toBe(401)
      expect(r.body.code).toBe('unauthorized')
    }
    expect((await api.call('GET', '/v1/me/wallet')).status).toBe(401)
    expect((await api.call('GET', '/v1/me/wallet', { token: u.token })).status).toBe(200)
  })

  it('refuses each role what the matrix does not give it', async () => {
    const user = await api.user()
    const admin = await api.staff('admin')
    const auditor = await api.staff('auditor')
    const subAdmin = await api.staff('sub_admin')
    expect(permissionMatrix['ledger:read']).toEqual(['admin', 'auditor'])
    expect((await api.call('GET', '/v1/admin/ledger/trial-balance', { token: user.token })).status).toBe(403)
    expect((await api.call('GET', '/v1/admin/ledger/trial-balance', { token: subAdmin.token })).status).toBe(
      403,
    )
    expect((await api.call('GET', '/v1/admin/ledger/trial-balance', { token: auditor.token })).status).toBe(
      200,
    )
    expect((await api.call('GET', '/v1/admin/ledger/trial-balance', { token: admin.token })).status).toBe(200)
    // Staff hold no wallet and may not send; an auditor may not change anything.
    const send = await api.call('POST', '/v1/transfers', {
      token: admin.token,
      headers: idem(),
      body: { toPhone: user.phone, amount: 100 },
    })
    expect(send.status).toBe(403)
    expect(send.body.code).toBe('forbidden')
    expect(
      (
        await api.call('POST', `/v1/admin/users/${user.id}/lock`, {
          token: auditor.token,
          body: { reason: 'test' },
        })
      ).status,
    ).toBe(403)
    expect(
      (await api.call('POST', `/v1/admin/users/${user.id}/kyc/verify`, { token: user.token })).status,
    ).toBe(403)
  })

  it('locks the PIN after 3 wrong tries, saying how many remain', async () => {
    const u = await api.user()
    const wrong = () => api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: '9999' } })
    const first = await wrong()
    expect(first.body).toMatchObject({ code: 'invalid_pin', remainingAttempts: 2 })
    expect((await wrong()).body).toMatchObject({ code: 'invalid_pin', remainingAttempts: 1 })
    expect((await wrong()).body.code).toBe('account_locked')
    const right = await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })
    expect(right.status).toBe(423)
    expect(right.body.code).toBe('account_locked')
    const admin = await api.staff('admin')
    expect((await api.call('POST', `/v1/admin/users/${u.id}/unlock`, { token: admin.token })).status).toBe(
      200,
    )
    expect((await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).status).toBe(
      200,
    )
  })

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const u = await api.user()
    const login = await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })
    const first = login.body.refreshToken
    const second = await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: first } })
    expect(second.status).toBe(200)
    expect(second.body.refreshToken).not.toBe(first)
    expect((await api.call('GET', '/v1/me/wallet', { token: second.body.accessToken })).status).toBe(200)
    const reuse = await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: first } })
    expect(reuse.status).toBe(401)
    expect(
      (await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } }))
        .status,
    ).toBe(401)
    expect((await api.call('GET', '/v1/me/wallet', { token: second.body.accessToken })).status).toBe(401)
    expect(login.body.expiresIn).toBeLessThanOrEqual(900)
  })

  it('a locked account is signed out everywhere at once and can move nothing', async () => {
    const u = await api.user({ balance: 100_000n })
    const other = await api.user()
    const lock = await api.call('POST', '/v1/me/lock', { token: u.token })
    expect(lock.body.status).toBe('locked')
    expect((await api.call('GET', '/v1/me/wallet', { token: u.token })).status).toBe(423)
    const send = await api.call('POST', '/v1/transfers', {
      token: u.token,
      headers: idem(),
      body: { toPhone: other.phone, amount: 100 },
    })
    expect(send.status).toBe(423)
    expect((await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).status).toBe(
      423,
    )
    const audit = await api.tdb.db('audit_log').where({ target_id: u.id, action: 'account.lock' }).first()
    expect(audit).toBeTruthy()
  })

  it('staff lock a user, and changing nothing for an id that is not a user', async () => {
    const u = await api.user()
    const admin = await api.staff('admin')
    const locked = await api.call('POST', `/v1/admin/users/${u.id}/lock`, {
      token: admin.token,
      body: { reason: 'fraud report' },
    })
    expect(locked.body.status).toBe('locked')
    expect((await api.call('GET', '/v1/me/wallet', { token: u.token })).status).toBe(423)
    const notAUser = await api.call('POST', `/v1/admin/users/${admin.id}/lock`, {
      token: admin.token,
      body: { reason: 'oops' },
    })
    expect(notAUser.status).toBe(404)
    expect((await api.tdb.db('parties').where({ id: admin.id }).first()).status).toBe('active')
    expect(
      (await api.call('POST', `/v1/admin/users/${u.id}/unlock`, { token: admin.token })).body.status,
    ).toBe('active')
  })

  it('registers with an SMS code, refuses trivial PINs and duplicate phones', async () => {
    const phone = '+254799' + String(Date.now()).slice(-6)
    expect(
      (
        await api.call('POST', '/v1/users', {
          body: { phone, firstName: 'Zawadi', lastName: 'Kamau', pin: '1234' },
        })
      ).status,
    ).toBe(400)
    const r = await api.call('POST', '/v1/users', {
      body: { phone, firstName: 'Zawadi', lastName: 'Kamau', pin: '8243' },
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ phone, kycTier: 0, status: 'pending_otp' })
    expect(
      (await api.call('POST', '/v1/users', { body: { phone, firstName: 'Z', lastName: 'K', pin: '8243' } }))
        .body.code,
    ).toBe('duplicate')
    expect((await api.call('POST', '/v1/auth/login', { body: { phone, pin: '8243' } })).status).toBe(403)
    const sms = await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [phone]).first('payload')
    const code = /(\d{6})/.exec(sms.payload.message)![1]
    expect(
      (
        await api.call('POST', '/v1/users/confirm-phone', {
          body: { phone, code: code === '000000' ? '111111' : '000000' },
        })
      ).status,
    ).toBe(400)
    const ok = await api.call('POST', '/v1/users/confirm-phone', { body: { phone, code } })
    expect(ok.body.status).toBe('active')
    expect((await api.call('POST', '/v1/auth/login', { body: { phone, pin: '8243' } })).status).toBe(200)
  })
})
