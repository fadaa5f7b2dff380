import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, uniquePhone, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)("the agent's counter", () => {
  let api: TestApi
  let today: string
  beforeAll(async () => {
    api = await startTestApi()
    today = new Intl.DateTimeFormat('en-CA', { timeZone: api.config.timezone }).format(new Date())
  })
  afterAll(async () => {
    await api.close()
  })

  const cashIn = (token: string, customerPhone: string, amount: number) =>
    api.call('POST', '/v1/cash-ins', { token, headers: idem(), body: { customerPhone, amount } })

  it('looks up the registered name of a phone before cash-in, for agents only', async () => {
    const agent = await api.agent()
    const u = await api.user()
    const found = await api.call(
      'GET',
      `/v1/agents/me/customers/lookup?phone=${encodeURIComponent(u.phone)}`,
      {
        token: agent.token,
      },
    )
    expect(found.status).toBe(200)
    expect(found.body).toEqual({
      phone: u.phone,
      name: 'Test User',
      status: 'active',
      kycTier: 1,
      canTransact: true,
    })
    // An unencoded + arrives as a space: still the same number.
    const plain = await api.call('GET', `/v1/agents/me/customers/lookup?phone=${u.phone}`, {
      token: agent.token,
    })
    expect(plain.body.name).toBe('Test User')
    expect(
      (await api.call('GET', `/v1/agents/me/customers/lookup?phone=%2B254700000009`, { token: agent.token }))
        .status,
    ).toBe(404)
    expect(
      (await api.call('GET', `/v1/agents/me/customers/lookup?phone=0711`, { token: agent.token })).body.code,
    ).toBe('validation_failed')
    expect(
      (
        await api.call('GET', `/v1/agents/me/customers/lookup?phone=${encodeURIComponent(u.phone)}`, {
          token: u.token,
        })
      ).status,
    ).toBe(403)
  })

  it('shows the float with its low-float warning', async () => {
    const agent = await api.agent({ float: 150_000n })
    const f = await api.call('GET', '/v1/agents/me/float', { token: agent.token })
    expect(f.body).toEqual({
      balance: 150_000,
      available: 150_000,
      currency: 'KES',
      lowFloatThreshold: 100_000,
      low: false,
    })
    const u = await api.user()
    expect((await cashIn(agent.token, u.phone, 60_000)).status).toBe(201)
    const after = await api.call('GET', '/v1/agents/me/float', { token: agent.token })
    expect(after.body).toMatchObject({ balance: 90_000, available: 90_000, low: true })
    expect((await api.call('GET', '/v1/agents/me/float', { token: u.token })).status).toBe(403)
  })

  it("lists the day's transactions a page at a time, with references, commission and counterparty", async () => {
    const agent = await api.agent({ float: 1_000_000n })
    const u = await api.user()
    const made = []
    for (const amount of [10_000, 20_000, 30_000])
      made.push((await cashIn(agent.token, u.phone, amount)).body)
    expect(made[0].reference).toMatch(/^[0-9A-F]{8}$/)
    const first = await api.call('GET', `/v1/agents/me/transactions?date=${today}&limit=2`, {
      token: agent.token,
    })
    expect(first.status).toBe(200)
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([made[2].id, made[1].id])
    expect(first.body.items[0]).toMatchObject({
      reference: made[2].reference,
      type: 'cash_in',
      status: 'completed',
      direction: 'out',
      amount: 30_000,
      commission: expect.any(Number),
      counterparty: { name: 'Test User', phone: expect.stringContaining('*') },
      method: null,
      cashHandedOverAt: null,
    })
    // The deposit that funded the float is on the list too.
    const rest = await api.call(
      'GET',
      `/v1/agents/me/transactions?date=${today}&limit=2&cursor=${first.body.nextCursor}`,
      { token: agent.token },
    )
    expect(rest.body.items.map((i: { id: string }) => i.id)[0]).toBe(made[0].id)
    expect(rest.body.items).toHaveLength(2)
    expect(rest.body.nextCursor).toBeNull()
    const otherDay = await api.call('GET', '/v1/agents/me/transactions?date=2020-01-01', {
      token: agent.token,
    })
    expect(otherDay.body).toEqual({ date: '2020-01-01', items: [], nextCursor: null })
    expect(
      (await api.call('GET', '/v1/agents/me/transactions?date=2020-13-45', { token: agent.token })).body.code,
    ).toBe('validation_failed')
    expect(
      (
        await api.call('GET', `/v1/agents/me/transactions?date=${today}&cursor=nonsense`, {
          token: agent.token,
        })
      ).status,
    ).toBe(400)

    // The receipt of one, as each party sees it.
    const asAgent = await api.call('GET', `/v1/transactions/${made[0].id}/receipt`, { token: agent.token })
    expect(asAgent.body).toMatchObject({ reference: made[0].reference, commission: expect.any(Number) })
    const asCustomer = await api.call('GET', `/v1/transactions/${made[0].id}/receipt`, { token: u.token })
    expect(asCustomer.body).toMatchObject({
      direction: 'in',
      commission: null,
      counterparty: { name: 'Test Agency' },
      amount: 10_000,
    })
    const stranger = await api.user()
    expect(
      (await api.call('GET', `/v1/transactions/${made[0].id}/receipt`, { token: stranger.token })).status,
    ).toBe(404)
    const admin = await api.staff('admin')
    expect(
      (await api.call('GET', `/v1/transactions/${made[0].id}/receipt`, { token: admin.token })).status,
    ).toBe(403)
  })

  it('gives the commission statement of a period: earned, paid out, still owed', async () => {
    const agent = await api.agent({ float: 5_000_000n })
    const u = await api.user({ balance: 1_000_000n })
    await cashIn(agent.token, u.phone, 200_000)
    await api.call('POST', '/v1/cash-outs', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: u.phone, amount: 100_000, customerPin: u.pin },
    })
    const q = `/v1/agents/me/commissions?from=${today}&to=${today}`
    const before = await api.call('GET', q, { token: agent.token })
    expect(before.status).toBe(200)
    expect(before.body.items.map((i: { type: string }) => i.type)).toEqual(['cash_in', 'cash_out'])
    const accrued = before.body.items.reduce((s: number, i: { commission: number }) => s + i.commission, 0)
    expect(accrued).toBeGreaterThan(0)
    expect(before.body).toMatchObject({
      currency: 'KES',
      accrued,
      paid: 0,
      outstanding: accrued,
      payouts: [],
    })
    const admin = await api.staff('admin')
    await api.call('POST', '/v1/admin/commissions/payout', { token: admin.token })
    const after = await api.call('GET', q, { token: agent.token })
    expect(after.body).toMatchObject({ accrued, paid: accrued, outstanding: 0 })
    expect(after.body.payouts).toHaveLength(1)
    expect(
      (
        await api.call('GET', '/v1/agents/me/commissions?from=2026-01-10&to=2026-01-01', {
          token: agent.token,
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await api.call('GET', '/v1/agents/me/commissions?from=2025-01-01&to=2026-01-01', {
          token: agent.token,
        })
      ).status,
    ).toBe(400)
    expect((await api.call('GET', q, { token: u.token })).status).toBe(403)
  })

  it("completes a customer's withdrawal: the cash is handed over once, with a receipt", async () => {
    const agent = await api.agent()
    const other = await api.agent()
    const u = await api.user({ balance: 500_000n })
    const w = await api.call('POST', '/v1/withdrawals', {
      token: u.token,
      headers: idem(),
      body: { agentCode: agent.code, amount: 100_000 },
    })
    expect(w.status).toBe(201)
    expect(w.body.reference).toMatch(/^[0-9A-F]{8}$/)
    const waiting = await api.call('GET', '/v1/agents/me/withdrawals', { token: agent.token })
    expect(waiting.body.items).toEqual([
      expect.objectContaining({
        id: w.body.id,
        amount: 100_000,
        cashHandedOverAt: null,
        reference: w.body.reference,
      }),
    ])
    const key = idem()
    const path = `/v1/agents/me/withdrawals/${w.body.id}/handover`
    expect((await api.call('POST', path, { token: other.token, headers: idem() })).status).toBe(404)
    expect((await api.call('POST', path, { token: u.token, headers: idem() })).status).toBe(403)
    expect((await api.call('POST', path, { token: agent.token })).status).toBe(400)
    const tries = await Promise.all([
      api.call('POST', path, { token: agent.token, headers: key }),
      api.call('POST', path, { token: agent.token, headers: idem() }),
    ])
    expect(tries.map((t) => t.status).sort()).toEqual([201, 409])
    const done = tries.find((t) => t.status === 201)!
    expect(done.body).toMatchObject({
      id: w.body.id,
      type: 'withdrawal',
      cashHandedOverAt: expect.any(String),
    })
    if (tries[0]!.status === 201) {
      const replay = await api.call('POST', path, { token: agent.token, headers: key })
      expect(replay.status).toBe(201)
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
    }
    expect((await api.call('GET', '/v1/agents/me/withdrawals', { token: agent.token })).body.items).toEqual(
      [],
    )
    const handed = await api.call('GET', '/v1/agents/me/withdrawals?status=handed_over', {
      token: agent.token,
    })
    expect(handed.body.items.map((i: { id: string }) => i.id)).toEqual([w.body.id])
    // No money moved with the handover: the float holds the withdrawal once.
    const f = await api.call('GET', '/v1/agents/me/float', { token: agent.token })
    expect(f.body.balance).toBe(100_000)
    expect(await api.trialBalance()).toEqual([
      expect.objectContaining({ balanced: true, balancesMatchPostings: true }),
    ])
  })

  describe('registration at the counter', () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)])
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100, 1),
    ])
    const upload = (token: string, id: string, body: Buffer, type = 'image/jpeg') =>
      fetch(`${api.url}/v1/agents/me/customers/${id}/id-photo`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: new Uint8Array(body),
      })
    const registration = (phone: string) => ({
      phone,
      firstName: 'Neema',
      lastName: 'Otieno',
      idType: 'national_id',
      idNumber: '12345678',
      pin: '4826',
    })

    it('registers a customer with their ID; the phone is confirmed by SMS code; the ID photo is stored', async () => {
      const agent = await api.agent()
      const phone = uniquePhone()
      const r = await api.call('POST', '/v1/agents/me/customers', {
        token: agent.token,
        body: registration(phone),
      })
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({
        phone,
        firstName: 'Neema',
        lastName: 'Otieno',
        status: 'pending_otp',
        kycTier: 0,
      })
      expect(await api.tdb.db('kyc_records').where({ party_id: r.body.id }).first()).toMatchObject({
        id_type: 'national_id',
        id_number: '12345678',
        status: 'submitted',
      })
      expect(
        (await api.call('POST', '/v1/agents/me/customers', { token: agent.token, body: registration(phone) }))
          .status,
      ).toBe(409)

      const up = await upload(agent.token, r.body.id, jpeg)
      expect(up.status).toBe(201)
      expect(await up.json()).toMatchObject({
        customerId: r.body.id,
        contentType: 'image/jpeg',
        size: jpeg.length,
      })
      expect((await upload(agent.token, r.body.id, png, 'image/png')).status).toBe(201)

      const auditor = await api.staff('auditor')
      const photo = await fetch(`${api.url}/v1/admin/users/${r.body.id}/id-photo`, {
        headers: { authorization: `Bearer ${auditor.token}` },
      })
      expect(photo.status).toBe(200)
      expect(photo.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true)
      expect(
        (await api.call('GET', `/v1/admin/users/${r.body.id}/id-photo`, { token: agent.token })).status,
      ).toBe(403)
      const nobody = await api.user()
      expect(
        (await api.call('GET', `/v1/admin/users/${nobody.id}/id-photo`, { token: auditor.token })).status,
      ).toBe(404)
    })

    it('refuses a weak PIN, non-agents, photos that are not images or too large, and customers of others', async () => {
      const agent = await api.agent()
      const weak = await api.call('POST', '/v1/agents/me/customers', {
        token: agent.token,
        body: { ...registration(uniquePhone()), pin: '1234' },
      })
      expect(weak.status).toBe(400)
      const u = await api.user()
      expect(
        (
          await api.call('POST', '/v1/agents/me/customers', {
            token: u.token,
            body: registration(uniquePhone()),
          })
        ).status,
      ).toBe(403)
      const r = await api.call('POST', '/v1/agents/me/customers', {
        token: agent.token,
        body: registration(uniquePhone()),
      })
      expect((await upload(agent.token, r.body.id, Buffer.from('not an image at all'))).status).toBe(400)
      expect((await upload(agent.token, r.body.id, png, 'image/jpeg')).status).toBe(400)
      expect((await upload(agent.token, r.body.id, jpeg, 'text/plain')).status).toBe(400)
      const big = Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)])
      const tooBig = await upload(agent.token, r.body.id, big)
      expect(tooBig.status).toBe(413)
      expect((await tooBig.json()).code).toBe('payload_too_large')
      const other = await api.agent()
      expect((await upload(other.token, r.body.id, jpeg)).status).toBe(404)
      // The JSON limit elsewhere is unchanged.
      const huge = await api.call('POST', '/v1/agents/me/customers', {
        token: agent.token,
        raw: JSON.stringify({ ...registration(uniquePhone()), pad: 'x'.repeat(20_000) }),
      })
      expect(huge.status).toBe(413)
    })
  })
})
