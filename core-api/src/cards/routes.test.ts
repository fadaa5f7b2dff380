import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('GoPay cards', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    await api.close()
  })

  it('binds a card to one wallet, shows its holder to a terminal, and blocks it', async () => {
    const amina = await api.user()
    const other = await api.user()
    const agent = await api.agent()
    const bound = await api.call('POST', '/v1/me/cards', {
      token: amina.token,
      body: { kind: 'nfc', uid: '04a2b3c4d5e680' },
    })
    expect(bound.status).toBe(201)
    expect(bound.body).toMatchObject({ kind: 'nfc', last4: 'E680', status: 'active' })
    expect(
      (
        await api.call('POST', '/v1/me/cards', {
          token: other.token,
          body: { kind: 'nfc', uid: '04A2B3C4D5E680' },
        })
      ).body.code,
    ).toBe('duplicate')
    const stored = await api.tdb.db('cards').where({ id: bound.body.id }).first()
    expect(JSON.stringify(stored)).not.toContain('04A2B3C4D5E680')

    const found = await api.call('POST', '/v1/cards/lookup', {
      token: agent.token,
      body: { kind: 'nfc', uid: '04A2B3C4D5E680' },
    })
    expect(found.body).toMatchObject({
      card: { id: bound.body.id },
      holder: { name: 'Test User', phone: expect.stringContaining('***') },
    })
    expect(
      (
        await api.call('POST', '/v1/cards/lookup', {
          token: amina.token,
          body: { kind: 'nfc', uid: '04A2B3C4D5E680' },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api.call('POST', '/v1/cards/lookup', {
          token: agent.token,
          body: { kind: 'nfc', uid: 'FFFFFFFF' },
        })
      ).status,
    ).toBe(404)

    expect(
      (await api.call('POST', `/v1/me/cards/${bound.body.id}/block`, { token: other.token })).status,
    ).toBe(404)
    expect(
      (await api.call('POST', `/v1/me/cards/${bound.body.id}/block`, { token: amina.token })).body.status,
    ).toBe('blocked')
    const blocked = await api.call('POST', '/v1/cards/lookup', {
      token: agent.token,
      body: { kind: 'nfc', uid: '04A2B3C4D5E680' },
    })
    expect(blocked.status).toBe(423)
    expect((await api.call('GET', '/v1/me/cards', { token: amina.token })).body.items).toHaveLength(1)
  })

  it('lets staff block a magstripe card, with an audit record; an auditor may not', async () => {
    const u = await api.user()
    const admin = await api.staff('admin')
    const auditor = await api.staff('auditor')
    const bound = await api.call('POST', '/v1/me/cards', {
      token: u.token,
      body: { kind: 'magstripe', pan: '4111111111111111' },
    })
    expect(bound.body.last4).toBe('1111')
    expect(
      (
        await api.call('POST', `/v1/admin/cards/${bound.body.id}/block`, {
          token: auditor.token,
          body: { reason: 'stolen' },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api.call('POST', `/v1/admin/cards/${bound.body.id}/block`, {
          token: admin.token,
          body: { reason: 'reported stolen' },
        })
      ).body.status,
    ).toBe('blocked')
    expect(
      await api.tdb.db('audit_log').where({ target_id: bound.body.id, action: 'card.block' }).first(),
    ).toBeTruthy()
    expect(
      (await api.call('POST', '/v1/me/cards', { token: u.token, body: { kind: 'magstripe', pan: '41111' } }))
        .status,
    ).toBe(400)
  })
})
