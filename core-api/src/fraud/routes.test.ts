import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../observability/logger'
import { startBackground } from '../server'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { until } from '../testing/wait'

describe.skipIf(needsDatabase)('fraud monitoring', () => {
  let api: TestApi
  let background: { stop(): Promise<void> }
  let admin: { id: string; token: string }
  let sub: { id: string; token: string }
  let auditor: { id: string; token: string }
  beforeAll(async () => {
    api = await startTestApi()
    // The real outbox delivery, in this process, as `npm start` runs it without Redis.
    background = await startBackground(api.services, api.config, createLogger('silent'))
    admin = await api.staff('admin')
    sub = await api.staff('sub_admin')
    auditor = await api.staff('auditor')
  })
  afterAll(async () => {
    await background.stop()
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })

  const send = (token: string, toPhone: string, amount: number) =>
    api.call('POST', '/v1/transfers', { token, headers: idem(), body: { toPhone, amount } })
  const openAlerts = async (token: string, party?: string) =>
    (await api.call('GET', `/v1/admin/fraud/alerts?status=open${party ? `&party=${party}` : ''}`, { token }))
      .body

  it('a burst of 11 payments in 10 minutes raises one open velocity alert within 15 seconds', async () => {
    const a = await api.user({ balance: 1_000_000n })
    const b = await api.user()
    const ids: string[] = []
    for (let i = 0; i < 10; i++) ids.push((await send(a.token, b.phone, 1_000)).body.id)
    // Ten is not more than ten: nothing yet.
    await new Promise((r) => setTimeout(r, 800))
    expect(
      (await openAlerts(admin.token, a.id)).items.filter((x: { rule: string }) => x.rule === 'velocity'),
    ).toEqual([])
    const crossing = (await send(a.token, b.phone, 1_000)).body.id
    const started = Date.now()
    const alert = await until(
      async () =>
        (await openAlerts(admin.token, a.id)).items.find((x: { rule: string }) => x.rule === 'velocity'),
      15_000,
      'the velocity alert',
    )
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(alert).toMatchObject({ rule: 'velocity', partyId: a.id, status: 'open', score: 60 })
    expect(alert.transactionIds).toContain(crossing)
    expect(alert.transactionIds).toEqual(expect.arrayContaining(ids))
    expect(alert.conditions[0]).toMatchObject({ value: 11, threshold: 10 })
    // A twelfth adds to the same alert rather than raising another.
    const twelfth = (await send(a.token, b.phone, 1_000)).body.id
    await until(
      async () => {
        const items = (await openAlerts(admin.token, a.id)).items.filter(
          (x: { rule: string }) => x.rule === 'velocity',
        )
        return items.length === 1 && items[0].transactionIds.includes(twelfth)
      },
      15_000,
      'the twelfth payment on the alert',
    )
    for (const token of [sub.token, auditor.token])
      expect((await openAlerts(token, a.id)).items.length).toBeGreaterThan(0)
    expect((await api.call('GET', '/v1/admin/fraud/alerts', { token: a.token })).status).toBe(403)

    // Review, then act: hold the wallet. The auditor may not.
    const path = `/v1/admin/fraud/alerts/${alert.id}`
    expect(
      (await api.call('POST', `${path}/review`, { token: auditor.token, body: { note: 'looking' } })).status,
    ).toBe(403)
    const reviewing = await api.call('POST', `${path}/review`, {
      token: sub.token,
      body: { note: 'calling the customer' },
    })
    expect(reviewing.body).toMatchObject({ status: 'reviewing', note: 'calling the customer' })
    expect(
      (
        await api.call('POST', `${path}/act`, {
          token: auditor.token,
          body: { action: 'hold_wallet', reason: 'x1x' },
        })
      ).status,
    ).toBe(403)
    const acted = await api.call('POST', `${path}/act`, {
      token: sub.token,
      body: { action: 'hold_wallet', reason: 'customer unreachable' },
    })
    expect(acted.body).toMatchObject({ status: 'actioned', action: 'hold_wallet' })
    const wallet = (await api.call('GET', '/v1/me/wallet', { token: a.token })).body
    expect(wallet.available).toBe(0)
    expect((await send(a.token, b.phone, 1_000)).status).toBe(422)
    expect(
      (await api.call('POST', `${path}/release-hold`, { token: auditor.token, body: { reason: 'cleared' } }))
        .status,
    ).toBe(403)
    const released = await api.call('POST', `${path}/release-hold`, {
      token: sub.token,
      body: { reason: 'the customer confirmed the payments' },
    })
    expect(released.status).toBe(200)
    expect((await api.call('GET', '/v1/me/wallet', { token: a.token })).body.available).toBeGreaterThan(0)
    expect(
      (await api.call('POST', `${path}/release-hold`, { token: sub.token, body: { reason: 'again' } }))
        .status,
    ).toBe(409)
    expect(
      (await api.call('POST', `${path}/dismiss`, { token: admin.token, body: { reason: 'late' } })).status,
    ).toBe(409)
    expect(
      await api.tdb.db('audit_log').where({ action: 'fraud.alert.act', target_id: alert.id }),
    ).toHaveLength(1)
  })

  it('many senders into a new wallet; dismiss; lock the account', async () => {
    const target = await api.user()
    for (let i = 0; i < 5; i++) {
      const s = await api.user({ balance: 100_000n })
      expect((await send(s.token, target.phone, 500)).status).toBe(201)
    }
    const alert = await until(
      async () =>
        (await openAlerts(admin.token, target.id)).items.find(
          (x: { rule: string }) => x.rule === 'many_senders',
        ),
      15_000,
      'the many-senders alert',
    )
    expect(alert.conditions[0]).toMatchObject({ value: 5, threshold: 5 })
    const locked = await api.call('POST', `/v1/admin/fraud/alerts/${alert.id}/act`, {
      token: admin.token,
      body: { action: 'lock_account', reason: 'mule account' },
    })
    expect(locked.body.status).toBe('actioned')
    expect((await api.call('GET', '/v1/me/wallet', { token: target.token })).status).toBe(423)
  })

  it('repeated wrong PINs raise an alert; a dismissed alert is closed', async () => {
    const u = await api.user()
    for (let i = 0; i < 3; i++)
      await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: '9999' } })
    const alert = await until(
      async () =>
        (await openAlerts(admin.token, u.id)).items.find((x: { rule: string }) => x.rule === 'wrong_pins'),
      15_000,
      'the wrong-PIN alert',
    )
    const d = await api.call('POST', `/v1/admin/fraud/alerts/${alert.id}/dismiss`, {
      token: sub.token,
      body: { reason: 'the customer forgot the PIN' },
    })
    expect(d.body.status).toBe('dismissed')
    expect(
      (await api.call('GET', `/v1/admin/fraud/alerts/${alert.id}`, { token: auditor.token })).body.status,
    ).toBe('dismissed')
  })

  it('an unusual amount, payments just under the limit, and a large transfer from a new device', async () => {
    const a = await api.user({ balance: 20_000_000n })
    const b = await api.user()
    for (let i = 0; i < 5; i++) expect((await send(a.token, b.phone, 1_000)).status).toBe(201)
    const big = (await send(a.token, b.phone, 100_000)).body.id
    const unusual = await until(
      async () =>
        (await openAlerts(admin.token, a.id)).items.find(
          (x: { rule: string }) => x.rule === 'unusual_amount',
        ),
      15_000,
      'the unusual-amount alert',
    )
    expect(unusual.transactionIds).toEqual([big])
    expect(unusual.conditions[0]).toMatchObject({ value: 100_000, threshold: 5_000 })

    // Tier 1: 70,000.00 a payment; two at 90% or more of it within a day.
    const s = await api.user({ balance: 20_000_000n })
    for (const amount of [6_500_000, 6_900_000])
      expect((await send(s.token, b.phone, amount)).status).toBe(201)
    const structuring = await until(
      async () =>
        (await openAlerts(admin.token, s.id)).items.find((x: { rule: string }) => x.rule === 'structuring'),
      15_000,
      'the structuring alert',
    )
    expect(structuring.transactionIds).toHaveLength(2)

    const d = await api.user({ balance: 5_000_000n })
    await api.tdb.db('devices').insert({ party_id: d.id, label: 'new phone', fingerprint: `fp-${d.id}` })
    const large = (await send(d.token, b.phone, 2_500_000)).body.id
    const device = await until(
      async () =>
        (await openAlerts(admin.token, d.id)).items.find(
          (x: { rule: string }) => x.rule === 'new_device_large_transfer',
        ),
      15_000,
      'the new-device alert',
    )
    expect(device.transactionIds).toEqual([large])
    expect(device.conditions.map((c: { condition: string }) => c.condition)).toEqual([
      'amount',
      'hours since a new device was added',
    ])
  })

  it('rules: every staff role reads them, only an admin changes them, and a back-test writes nothing', async () => {
    for (const token of [admin.token, sub.token, auditor.token]) {
      const r = await api.call('GET', '/v1/admin/fraud/rules', { token })
      expect(r.body.items.map((x: { rule: string }) => x.rule)).toEqual(
        expect.arrayContaining([
          'velocity',
          'unusual_amount',
          'structuring',
          'new_device_large_transfer',
          'wrong_pins',
          'many_senders',
        ]),
      )
    }
    const before = Number((await api.tdb.db('fraud_alerts').count('* as n'))[0]!.n)
    // The burst above is in the last 30 days: a stricter velocity rule finds it, a looser one does not.
    const strict = await api.call('POST', '/v1/admin/fraud/rules/velocity/backtest', {
      token: auditor.token,
      body: { params: { count: 5, windowMinutes: 10 } },
    })
    expect(strict.status).toBe(200)
    expect(strict.body.alerts).toBeGreaterThan(0)
    expect(strict.body.transactionsScanned).toBeGreaterThan(10)
    const loose = await api.call('POST', '/v1/admin/fraud/rules/velocity/backtest', {
      token: sub.token,
      body: { params: { count: 100, windowMinutes: 10 } },
    })
    expect(loose.body.alerts).toBe(0)
    expect(Number((await api.tdb.db('fraud_alerts').count('* as n'))[0]!.n)).toBe(before)
    const bad = await api.call('POST', '/v1/admin/fraud/rules/velocity/backtest', {
      token: admin.token,
      body: { params: { count: 0, windowMinutes: 10 } },
    })
    expect(bad.status).toBe(400)

    const change = { enabled: true, score: 70, params: { count: 20, windowMinutes: 10 } }
    for (const token of [sub.token, auditor.token])
      expect((await api.call('PUT', '/v1/admin/fraud/rules/velocity', { token, body: change })).status).toBe(
        403,
      )
    const r = await api.call('PUT', '/v1/admin/fraud/rules/velocity', { token: admin.token, body: change })
    expect(r.body).toMatchObject({ rule: 'velocity', score: 70, params: { count: 20, windowMinutes: 10 } })
    expect(
      await api.tdb.db('audit_log').where({ action: 'fraud.rule.update', target_id: 'velocity' }),
    ).toHaveLength(1)
    await api.call('PUT', '/v1/admin/fraud/rules/velocity', {
      token: admin.token,
      body: { enabled: true, score: 60, params: { count: 10, windowMinutes: 10 } },
    })
  })
})
