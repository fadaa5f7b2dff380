import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('profile and PIN change', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    await api.close()
  })

  it('changes names, language and SMS notifications', async () => {
    const u = await api.user()
    const r = await api.call('PATCH', '/v1/me', {
      token: u.token,
      body: { firstName: 'Wanjiru', language: 'sw', notifyBySms: false },
    })
    expect(r.body).toMatchObject({
      firstName: 'Wanjiru',
      lastName: 'User',
      language: 'sw',
      notifyBySms: false,
    })
    expect((await api.tdb.db('parties').where({ id: u.id }).first()).display_name).toBe('Wanjiru User')
    expect((await api.call('PATCH', '/v1/me', { token: u.token, body: {} })).status).toBe(400)
    expect((await api.call('PATCH', '/v1/me', { token: u.token, body: { language: 'fr' } })).status).toBe(400)
  })

  it('changes the PIN only with the old one, refuses a weak new one, and signs other sessions out', async () => {
    const u = await api.user()
    const other = (await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).body
      .accessToken
    const wrong = await api.call('POST', '/v1/me/pin', {
      token: u.token,
      body: { oldPin: '9999', newPin: '8243' },
    })
    expect(wrong.body).toMatchObject({ code: 'invalid_pin', remainingAttempts: 2 })
    expect(
      (await api.call('POST', '/v1/me/pin', { token: u.token, body: { oldPin: u.pin, newPin: '1111' } })).body
        .code,
    ).toBe('validation_failed')
    expect(
      (await api.call('POST', '/v1/me/pin', { token: u.token, body: { oldPin: u.pin, newPin: u.pin } })).body
        .code,
    ).toBe('validation_failed')
    expect(
      (await api.call('POST', '/v1/me/pin', { token: u.token, body: { oldPin: u.pin, newPin: '8243' } }))
        .status,
    ).toBe(204)
    expect((await api.call('GET', '/v1/me/wallet', { token: u.token })).status).toBe(200)
    expect((await api.call('GET', '/v1/me/wallet', { token: other })).status).toBe(401)
    expect((await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: '8243' } })).status).toBe(
      200,
    )
    expect(
      (await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).body.code,
    ).toBe('invalid_pin')
  })
})
