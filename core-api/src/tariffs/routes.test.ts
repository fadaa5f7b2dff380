import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('tariff and limit changes (four eyes, effective at a stated time)', () => {
  let api: TestApi
  let admin: { id: string; token: string }
  let admin2: { id: string; token: string }
  let sub: { id: string; token: string }
  let auditor: { id: string; token: string }
  beforeAll(async () => {
    api = await startTestApi()
    admin = await api.staff('admin')
    admin2 = await api.staff('admin')
    sub = await api.staff('sub_admin')
    auditor = await api.staff('auditor')
  })
  afterAll(async () => {
    await api.close()
  })

  const band = {
    minAmount: 1,
    maxAmount: 25_000_000,
    feeFixed: 1_000,
    feeBps: 0,
    commissionFixed: 0,
    commissionBps: 0,
  }
  const approve = (token: string, id: string) =>
    api.call('POST', `/v1/admin/approval-requests/${id}/approve`, { token, headers: idem() })

  it('a new p2p tariff takes effect when approved at its time; the old bands stay in the history', async () => {
    for (const s of [admin, sub, auditor]) {
      const t = await api.call('GET', '/v1/admin/tariffs?type=p2p', { token: s.token })
      expect(t.body.items.length).toBeGreaterThan(5)
    }
    const body = {
      transactionType: 'p2p',
      currency: 'KES',
      effectiveAt: new Date().toISOString(),
      reason: 'flat fee trial',
      bands: [band],
    }
    for (const s of [sub, auditor])
      expect((await api.call('POST', '/v1/admin/tariff-changes', { token: s.token, body })).status).toBe(403)
    const req = await api.call('POST', '/v1/admin/tariff-changes', { token: admin.token, body })
    expect(req.status).toBe(201)
    expect(req.body).toMatchObject({ kind: 'tariff_change', status: 'pending', targetId: 'p2p:KES' })
    expect((await api.call('POST', '/v1/admin/tariff-changes', { token: admin2.token, body })).status).toBe(
      409,
    )
    expect((await approve(admin.token, req.body.id)).status).toBe(403)
    expect((await approve(sub.token, req.body.id)).status).toBe(403)
    const ok = await approve(admin2.token, req.body.id)
    expect(ok.status).toBe(200)
    expect(ok.body.schedule).toMatchObject({ applied: true })
    const now = await api.call('GET', '/v1/admin/tariffs?type=p2p', { token: auditor.token })
    expect(now.body.items).toEqual([expect.objectContaining({ feeFixed: 1_000, maxAmount: 25_000_000 })])
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const t = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: idem(),
      body: { toPhone: b.phone, amount: 150_050 },
    })
    expect(t.body.fee).toBe(1_000)
    const history = await api.call('GET', '/v1/admin/tariff-history?kind=tariff', { token: auditor.token })
    expect(history.body.items[0]).toMatchObject({
      key: 'p2p:KES',
      applied: true,
      requestedBy: admin.id,
      approvedBy: admin2.id,
    })
    expect(history.body.items[0].before.length).toBeGreaterThan(5)
    expect(
      await api.tdb.db('fee_tariffs').where({ transaction_type: 'p2p', active: false }).count('* as n'),
    ).toEqual([{ n: 12n }])
  })

  it('a change for later waits for its time; overlapping bands are refused', async () => {
    const at = new Date(Date.now() + 1_500).toISOString()
    const bad = await api.call('POST', '/v1/admin/tariff-changes', {
      token: admin.token,
      body: {
        transactionType: 'cash_in',
        currency: 'KES',
        effectiveAt: at,
        reason: 'overlap',
        bands: [band, { ...band, minAmount: 100 }],
      },
    })
    expect(bad.status).toBe(400)
    const req = await api.call('POST', '/v1/admin/tariff-changes', {
      token: admin.token,
      body: {
        transactionType: 'cash_in',
        currency: 'KES',
        effectiveAt: at,
        reason: 'commission up',
        bands: [{ ...band, feeFixed: 0, commissionBps: 80 }],
      },
    })
    const ok = await approve(admin2.token, req.body.id)
    expect(ok.body.schedule.applied).toBe(false)
    expect(await api.services.tariffAdmin.applyDue()).toBe(0)
    expect(
      (await api.call('GET', '/v1/admin/tariffs?type=cash_in', { token: admin.token })).body.items[0]
        .commissionBps,
    ).toBe(50)
    await new Promise((r) => setTimeout(r, 1_600))
    expect(await api.services.tariffAdmin.applyDue()).toBe(1)
    expect(
      (await api.call('GET', '/v1/admin/tariffs?type=cash_in', { token: admin.token })).body.items[0]
        .commissionBps,
    ).toBe(80)
  })

  it('limit changes go the same way; a rejected one changes nothing', async () => {
    for (const s of [admin, sub, auditor])
      expect((await api.call('GET', '/v1/admin/limits', { token: s.token })).body.items).toHaveLength(3)
    const body = {
      tier: 0,
      currency: 'KES',
      perTransaction: 500_000,
      daily: 1_000_000,
      monthly: 4_000_000,
      maxBalance: 4_000_000,
      effectiveAt: new Date().toISOString(),
      reason: 'tighter',
    }
    expect((await api.call('POST', '/v1/admin/limit-changes', { token: sub.token, body })).status).toBe(403)
    expect(
      (
        await api.call('POST', '/v1/admin/limit-changes', {
          token: admin.token,
          body: { ...body, daily: 100 },
        })
      ).status,
    ).toBe(400)
    const r1 = await api.call('POST', '/v1/admin/limit-changes', { token: admin.token, body })
    const no = await api.call('POST', `/v1/admin/approval-requests/${r1.body.id}/reject`, {
      token: admin2.token,
      body: { reason: 'not now' },
    })
    expect(no.body.status).toBe('rejected')
    expect(
      (await api.call('GET', '/v1/admin/limits', { token: admin.token })).body.items.find(
        (l: { tier: number }) => l.tier === 0,
      ).perTransaction,
    ).toBe(1_000_000)
    const r2 = await api.call('POST', '/v1/admin/limit-changes', { token: admin.token, body })
    expect((await approve(admin2.token, r2.body.id)).status).toBe(200)
    expect(
      (await api.call('GET', '/v1/admin/limits', { token: admin.token })).body.items.find(
        (l: { tier: number }) => l.tier === 0,
      ),
    ).toMatchObject({
      perTransaction: 500_000,
      daily: 1_000_000,
    })
    const h = await api.call('GET', '/v1/admin/tariff-history?kind=limit', { token: admin.token })
    expect(h.body.items[0].before).toMatchObject({ perTransaction: 1_000_000 })
  })
})
