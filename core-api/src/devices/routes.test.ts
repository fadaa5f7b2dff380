import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('remote wipe', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    await api.close()
  })

  it('delivers a wipe order to the device, even after the account is locked, and records its confirmation', async () => {
    const u = await api.user()
    const reg = await api.call('POST', '/v1/me/devices', {
      token: u.token,
      body: { label: 'Tecno Spark', fingerprint: 'android-1234567890' },
    })
    expect(reg.status).toBe(201)
    const { device, deviceSecret } = reg.body
    expect(
      (
        await api.call('POST', '/v1/me/devices', {
          token: u.token,
          body: { label: 'again', fingerprint: 'android-1234567890' },
        })
      ).body.code,
    ).toBe('duplicate')
    const checkIn = () => api.call('POST', `/v1/devices/${device.id}/check-in`, { body: { deviceSecret } })
    expect((await checkIn()).body).toEqual({ command: null })
    expect(
      (
        await api.call('POST', `/v1/devices/${device.id}/check-in`, {
          body: { deviceSecret: 'x'.repeat(32) },
        })
      ).status,
    ).toBe(401)

    const wipe = await api.call('POST', `/v1/me/devices/${device.id}/wipe`, { token: u.token })
    expect(wipe.status).toBe(202)
    expect(wipe.body).toMatchObject({ status: 'wipe_pending', wipeRequestedAt: expect.any(String) })
    await api.call('POST', '/v1/me/lock', { token: u.token })
    expect((await checkIn()).body).toEqual({ command: 'wipe' })
    const confirmed = await api.call('POST', `/v1/devices/${device.id}/wipe-confirmation`, {
      body: { deviceSecret },
    })
    expect(confirmed.body).toMatchObject({ status: 'wiped', wipeConfirmedAt: expect.any(String) })
    expect(
      (await api.call('POST', `/v1/devices/${device.id}/wipe-confirmation`, { body: { deviceSecret } }))
        .status,
    ).toBe(404)
    expect(
      await api.tdb.db('audit_log').where({ target_id: device.id }).orderBy('id').pluck('action'),
    ).toEqual(['device.wipe_ordered', 'device.wipe_confirmed'])
  })

  it("cannot wipe someone else's device", async () => {
    const a = await api.user()
    const b = await api.user()
    const { device } = (
      await api.call('POST', '/v1/me/devices', {
        token: a.token,
        body: { label: 'phone', fingerprint: 'android-abcdefgh' },
      })
    ).body
    expect((await api.call('POST', `/v1/me/devices/${device.id}/wipe`, { token: b.token })).status).toBe(404)
  })
})
