import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('users in the back office', () => {
  let api: TestApi
  let admin: { id: string; token: string }
  let sub: { id: string; token: string }
  let auditor: { id: string; token: string }
  beforeAll(async () => {
    api = await startTestApi()
    admin = await api.staff('admin')
    sub = await api.staff('sub_admin')
    auditor = await api.staff('auditor')
  })
  afterAll(async () => {
    await api.close()
  })

  it('finds a user by phone (whole, local or its start), name or ID number, a page at a time', async () => {
    const u = await api.user({ balance: 10_000n })
    await api.tdb
      .db('users')
      .where({ party_id: u.id })
      .update({ first_name: 'Zawadi', last_name: 'Otieno', id_number: 'ZX998877' })
    const local = `0${u.phone.slice(4)}`
    for (const q of [u.phone, local, u.phone.slice(0, 10), 'zawadi', 'Otieno', 'zawadi oti', 'ZX9988'])
      for (const s of [admin, sub, auditor]) {
        const r = await api.call('GET', `/v1/admin/users?q=${encodeURIComponent(q)}`, { token: s.token })
        expect(r.status).toBe(200)
        expect(r.body.items.map((i: { id: string }) => i.id)).toContain(u.id)
      }
    const hit = (
      await api.call('GET', `/v1/admin/users?q=${encodeURIComponent(u.phone)}`, { token: admin.token })
    ).body.items[0]
    expect(hit).toMatchObject({
      id: u.id,
      phone: u.phone,
      firstName: 'Zawadi',
      lastName: 'Otieno',
      idNumber: 'ZX998877',
      kycTier: 1,
      status: 'active',
    })
    expect(
      (await api.call('GET', '/v1/admin/users?q=nobody-called-this', { token: admin.token })).body.items,
    ).toEqual([])
    await Promise.all([api.user(), api.user(), api.user()])
    const p1 = await api.call('GET', '/v1/admin/users?limit=2', { token: admin.token })
    const p2 = await api.call('GET', `/v1/admin/users?limit=2&cursor=${p1.body.nextCursor}`, {
      token: admin.token,
    })
    const ids = [...p1.body.items, ...p2.body.items].map((i: { id: string }) => i.id)
    expect(new Set(ids).size).toBe(4)
    expect((await api.call('GET', '/v1/admin/users?cursor=garbage', { token: admin.token })).status).toBe(400)
    expect((await api.call('GET', '/v1/admin/users', { token: u.token })).status).toBe(403)
  })

  it('shows the detail; approves or rejects KYC; resets PIN tries — sub-admins and admins only', async () => {
    const u = await api.user({ balance: 20_000n })
    const v0 = await api.user()
    const detail = await api.call('GET', `/v1/admin/users/${u.id}/detail`, { token: auditor.token })
    expect(detail.body).toMatchObject({
      profile: { id: u.id, phone: u.phone, kycTier: 1 },
      wallet: { balance: 20_000, available: 20_000, held: 0, currency: 'KES' },
      limits: { tier: 1, usedToday: 0 },
      pin: { failedAttempts: 0, lockedAt: null },
      devices: [],
      cards: [],
    })
    expect((await api.call('GET', `/v1/admin/users/${u.id}/detail`, { token: u.token })).status).toBe(403)
    // Nothing submitted: nothing to approve.
    expect((await api.call('POST', `/v1/admin/users/${u.id}/kyc/approve`, { token: sub.token })).status).toBe(
      409,
    )
    await api.call('POST', '/v1/me/kyc', {
      token: u.token,
      body: { idType: 'national_id', idNumber: 'A1234567' },
    })
    for (const token of [auditor.token, u.token])
      expect((await api.call('POST', `/v1/admin/users/${u.id}/kyc/approve`, { token })).status).toBe(403)
    // The review queue: users whose ID waits, and no one else.
    const queue = async () =>
      (
        await api.call('GET', '/v1/admin/users?kyc=submitted&limit=100', { token: auditor.token })
      ).body.items.map((i: { id: string }) => i.id)
    expect(await queue()).toContain(u.id)
    expect(await queue()).not.toContain(v0.id)
    const ok = await api.call('POST', `/v1/admin/users/${u.id}/kyc/approve`, { token: sub.token })
    expect(ok.body).toMatchObject({ id: u.id, kycTier: 2 })
    expect(await queue()).not.toContain(u.id)

    const v = await api.user()
    await api.call('POST', '/v1/me/kyc', {
      token: v.token,
      body: { idType: 'passport', idNumber: 'P7654321' },
    })
    expect(
      (
        await api.call('POST', `/v1/admin/users/${v.id}/kyc/reject`, {
          token: auditor.token,
          body: { reason: 'blurred' },
        })
      ).status,
    ).toBe(403)
    const no = await api.call('POST', `/v1/admin/users/${v.id}/kyc/reject`, {
      token: admin.token,
      body: { reason: 'photo is blurred' },
    })
    expect(no.body.kycTier).toBe(0)
    const vd = await api.call('GET', `/v1/admin/users/${v.id}/detail`, { token: admin.token })
    expect(vd.body.kyc[0]).toMatchObject({
      status: 'rejected',
      reason: 'photo is blurred',
      reviewedBy: admin.id,
    })

    for (let i = 0; i < 2; i++)
      await api.call('POST', '/v1/auth/login', { body: { phone: v.phone, pin: '0000' } })
    expect(
      (await api.call('GET', `/v1/admin/users/${v.id}/detail`, { token: admin.token })).body.pin
        .failedAttempts,
    ).toBe(2)
    expect(
      (await api.call('POST', `/v1/admin/users/${v.id}/pin-tries/reset`, { token: auditor.token })).status,
    ).toBe(403)
    const reset = await api.call('POST', `/v1/admin/users/${v.id}/pin-tries/reset`, { token: sub.token })
    expect(reset.body).toEqual({ failedAttempts: 0, lockedAt: null })
    expect(
      (await api.call('GET', `/v1/admin/users/${v.id}/detail`, { token: admin.token })).body.pin
        .failedAttempts,
    ).toBe(0)
    const actions = (await api.tdb.db('audit_log').whereIn('target_id', [u.id, v.id]).select('action')).map(
      (r) => r.action,
    )
    expect(actions).toEqual(expect.arrayContaining(['kyc.approve', 'kyc.reject', 'pin.reset_tries']))
  })

  it('lock and unlock: the status says locked; the auditor may not', async () => {
    const u = await api.user()
    expect(
      (
        await api.call('POST', `/v1/admin/users/${u.id}/lock`, {
          token: auditor.token,
          body: { reason: 'x x x' },
        })
      ).status,
    ).toBe(403)
    await api.call('POST', `/v1/admin/users/${u.id}/lock`, {
      token: sub.token,
      body: { reason: 'lost phone' },
    })
    const found = await api.call('GET', `/v1/admin/users?q=${encodeURIComponent(u.phone)}`, {
      token: admin.token,
    })
    expect(found.body.items[0].status).toBe('locked')
    await api.call('POST', `/v1/admin/users/${u.id}/unlock`, { token: admin.token })
    expect(
      (await api.call('GET', `/v1/admin/users/${u.id}/detail`, { token: admin.token })).body.profile.status,
    ).toBe('active')
  })
})
