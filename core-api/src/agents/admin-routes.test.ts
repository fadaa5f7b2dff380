import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, uniquePhone, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('agents, merchants and billers in the back office', () => {
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
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })

  it('onboards an agent that then works at the counter and earns by its commission tariff; suspends and reactivates it', async () => {
    const phone = uniquePhone()
    const body = {
      phone,
      pin: '7302',
      businessName: 'Duka la Mama',
      location: 'Gikomba, Nairobi',
      bankAccount: '0011223344',
      floatThreshold: 500_000,
      commissionTariff: 'starter',
    }
    expect((await api.call('POST', '/v1/admin/agents', { token: auditor.token, body })).status).toBe(403)
    expect(
      (
        await api.call('POST', '/v1/admin/agents', {
          token: sub.token,
          body: { ...body, commissionTariff: 'gold' },
        })
      ).status,
    ).toBe(400)
    expect(
      (await api.call('POST', '/v1/admin/agents', { token: sub.token, body: { ...body, pin: '1234' } }))
        .status,
    ).toBe(400)
    const made = await api.call('POST', '/v1/admin/agents', { token: sub.token, body })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      phone,
      businessName: 'Duka la Mama',
      floatBalance: 0,
      belowThreshold: true,
      status: 'active',
      commissionTariff: 'starter',
    })
    expect(made.body.code).toMatch(/^[0-9]{6}$/)
    expect((await api.call('POST', '/v1/admin/agents', { token: sub.token, body })).status).toBe(409)
    for (const s of [admin, sub, auditor]) {
      const list = await api.call('GET', `/v1/admin/agents?q=${made.body.code}`, { token: s.token })
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([made.body.id])
      expect((await api.call('GET', `/v1/admin/agents/${made.body.id}`, { token: s.token })).body.code).toBe(
        made.body.code,
      )
    }
    expect(
      (await api.call('GET', '/v1/admin/agents?belowThreshold=true', { token: admin.token })).body.items.map(
        (a: { id: string }) => a.id,
      ),
    ).toContain(made.body.id)
    const tariffs = await api.call('GET', '/v1/admin/commission-tariffs', { token: auditor.token })
    expect(tariffs.body.items).toEqual(
      expect.arrayContaining([{ code: 'starter', name: 'Starter (80%)', shareBps: 8000 }]),
    )

    // Fund the float from the bank, then a cash-in: the band gives 0.5%, the starter tariff 80% of it.
    await api.tdb.db.transaction(async (trx) => {
      const acc = await trx('ledger_accounts')
        .where({ party_id: made.body.id, type: 'agent_float' })
        .first('id')
      const bank = await api.services.ledger.systemAccount('bank_settlement', 'KES', trx)
      await api.services.ledger.post(trx, {
        transactionId: null as never,
        currency: 'KES',
        postings: [
          { accountId: bank, amount: -10_000_000n },
          { accountId: acc.id, amount: 10_000_000n },
        ],
      })
    })
    const login = await api.call('POST', '/v1/auth/login', { body: { phone, pin: '7302' } })
    const c = await api.user()
    const cin = await api.call('POST', '/v1/cash-ins', {
      token: login.body.accessToken,
      headers: idem(),
      body: { customerPhone: c.phone, amount: 100_000 },
    })
    expect(cin.status).toBe(201)
    const cs = await api.call('GET', `/v1/admin/agents/${made.body.id}/commission-statement`, {
      token: auditor.token,
    })
    expect(cs.body.items[0]).toMatchObject({ transactionId: cin.body.id, commission: 400 })
    expect(cs.body.due).toBe(400)
    const fs = await api.call('GET', `/v1/admin/agents/${made.body.id}/float-statement?limit=1`, {
      token: sub.token,
    })
    expect(fs.body.items[0]).toMatchObject({
      transactionId: cin.body.id,
      amount: -100_000,
      balanceAfter: 9_900_000,
    })
    expect(fs.body.nextCursor).toBeTruthy()
    const fs2 = await api.call(
      'GET',
      `/v1/admin/agents/${made.body.id}/float-statement?limit=1&cursor=${fs.body.nextCursor}`,
      { token: sub.token },
    )
    expect(fs2.body.items[0]).toMatchObject({ amount: 10_000_000 })

    const changed = await api.call('PATCH', `/v1/admin/agents/${made.body.id}`, {
      token: sub.token,
      body: { floatThreshold: 100_000, location: 'Eastleigh' },
    })
    expect(changed.body).toMatchObject({
      floatThreshold: 100_000,
      location: 'Eastleigh',
      belowThreshold: false,
    })
    expect(
      (
        await api.call('PATCH', `/v1/admin/agents/${made.body.id}`, {
          token: auditor.token,
          body: { location: 'X1' },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api.call('POST', `/v1/admin/agents/${made.body.id}/suspend`, {
          token: auditor.token,
          body: { reason: 'audit' },
        })
      ).status,
    ).toBe(403)
    const off = await api.call('POST', `/v1/admin/agents/${made.body.id}/suspend`, {
      token: sub.token,
      body: { reason: 'float shortage' },
    })
    expect(off.body.status).toBe('suspended')
    expect(
      (
        await api.call('POST', '/v1/cash-ins', {
          token: login.body.accessToken,
          headers: idem(),
          body: { customerPhone: c.phone, amount: 1_000 },
        })
      ).status,
    ).not.toBe(201)
    expect(
      (await api.call('POST', `/v1/admin/agents/${made.body.id}/reactivate`, { token: admin.token })).body
        .status,
    ).toBe('active')
    const actions = (await api.tdb.db('audit_log').where({ target_id: made.body.id }).select('action')).map(
      (r) => r.action,
    )
    expect(actions).toEqual(
      expect.arrayContaining(['agent.onboard', 'agent.change', 'agent.suspend', 'agent.reactivate']),
    )
  })

  it('creates, edits, suspends a merchant; lists its settlements', async () => {
    const phone = uniquePhone()
    const body = {
      phone,
      pin: '3691',
      businessName: 'Soko Fresh',
      categoryCode: '5411',
      city: 'Mombasa',
      settlementBankAccount: '99887766',
    }
    expect((await api.call('POST', '/v1/admin/merchants', { token: auditor.token, body })).status).toBe(403)
    const m = await api.call('POST', '/v1/admin/merchants', { token: sub.token, body })
    expect(m.status).toBe(201)
    expect(m.body).toMatchObject({
      businessName: 'Soko Fresh',
      city: 'Mombasa',
      balance: 0,
      status: 'active',
    })
    expect(m.body.tills).toEqual([{ code: m.body.code }])
    for (const s of [admin, sub, auditor]) {
      expect(
        (await api.call('GET', `/v1/admin/merchants?q=soko`, { token: s.token })).body.items.map(
          (x: { id: string }) => x.id,
        ),
      ).toContain(m.body.id)
      expect(
        (await api.call('GET', `/v1/admin/merchants/${m.body.id}/settlements`, { token: s.token })).body,
      ).toEqual({ items: [], nextCursor: null })
    }
    const e = await api.call('PATCH', `/v1/admin/merchants/${m.body.id}`, {
      token: admin.token,
      body: { city: 'Kisumu' },
    })
    expect(e.body.city).toBe('Kisumu')
    expect(
      (
        await api.call('POST', `/v1/admin/merchants/${m.body.id}/suspend`, {
          token: sub.token,
          body: { reason: 'chargebacks' },
        })
      ).body.status,
    ).toBe('suspended')
    expect((await api.call('POST', '/v1/auth/login', { body: { phone, pin: '3691' } })).status).not.toBe(200)
    expect(
      (await api.call('POST', `/v1/admin/merchants/${m.body.id}/reactivate`, { token: sub.token })).body
        .status,
    ).toBe('active')
    expect(
      (await api.call('GET', `/v1/admin/merchants/${m.body.id}`, { token: admin.token })).body.status,
    ).toBe('active')
  })

  it('adds a biller, changes its account rule and fee, suspends it', async () => {
    const body = {
      code: 'TVPAY',
      name: 'TV Pay',
      accountPattern: '^[0-9]{8}$',
      fee: 2_000,
      settlementBankAccount: '55554444',
    }
    expect((await api.call('POST', '/v1/admin/billers', { token: auditor.token, body })).status).toBe(403)
    expect(
      (
        await api.call('POST', '/v1/admin/billers', {
          token: sub.token,
          body: { ...body, accountPattern: '[0-9' },
        })
      ).status,
    ).toBe(400)
    const b = await api.call('POST', '/v1/admin/billers', { token: sub.token, body })
    expect(b.status).toBe(201)
    expect((await api.call('POST', '/v1/admin/billers', { token: sub.token, body })).status).toBe(409)
    const c = await api.call('PATCH', `/v1/admin/billers/${b.body.id}`, {
      token: admin.token,
      body: { fee: 3_000, accountPattern: '^[0-9]{10}$' },
    })
    expect(c.body).toMatchObject({ fee: 3_000, accountPattern: '^[0-9]{10}$', active: true })
    const off = await api.call('PATCH', `/v1/admin/billers/${b.body.id}`, {
      token: sub.token,
      body: { active: false },
    })
    expect(off.body.active).toBe(false)
    for (const s of [admin, sub, auditor])
      expect(
        (await api.call('GET', '/v1/admin/billers', { token: s.token })).body.items.find(
          (x: { code: string }) => x.code === 'TVPAY',
        ),
      ).toMatchObject({ active: false, fee: 3_000 })
    expect(
      (
        await api.call('PATCH', `/v1/admin/billers/${b.body.id}`, {
          token: auditor.token,
          body: { active: true },
        })
      ).status,
    ).toBe(403)
  })
})
