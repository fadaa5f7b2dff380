import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('agents: cash in, cash out, withdrawals', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })

  const wallet = async (token: string) => (await api.call('GET', '/v1/me/wallet', { token })).body
  const commissionOf = async (agentId: string) => {
    const a = await api.tdb
      .db('ledger_accounts')
      .where({ party_id: agentId, type: 'commission_payable' })
      .first('id')
    return a ? (await api.services.ledger.balance(a.id)).balance : 0n
  }
  const smsTo = async (phone: string) =>
    (await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [phone]).select('payload')).map(
      (r) => r.payload.message as string,
    )

  it('cash in: the float pays the wallet, the agent earns its commission, both are told', async () => {
    const agent = await api.agent({ float: 10_000_000n })
    const customer = await api.user()
    const r = await api.call('POST', '/v1/cash-ins', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 500_000 },
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ type: 'cash_in', amount: 500_000, fee: 0, status: 'completed' })
    expect((await wallet(customer.token)).balance).toBe(500_000)
    expect((await wallet(agent.token)).balance).toBe(10_000_000 - 500_000)
    expect(await commissionOf(agent.id)).toBe(2_500n) // 0.5% of 5,000.00
    expect(await smsTo(customer.phone)).toEqual([
      expect.stringContaining('Welcome to GoPay'),
      expect.stringContaining('KES 5,000.00 cash in from Test Agency'),
    ])
    expect((await smsTo(agent.phone)).some((m) => m.includes('Commission KES 25.00'))).toBe(true)
  })

  it('cash in is refused when the float is short, and warns an agent whose float runs low', async () => {
    const agent = await api.agent({ float: 150_000n })
    const customer = await api.user()
    const short = await api.call('POST', '/v1/cash-ins', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 150_001 },
    })
    expect(short.body).toMatchObject({
      status: 422,
      code: 'insufficient_funds',
      detail: expect.stringContaining('float'),
    })
    expect((await wallet(customer.token)).balance).toBe(0)
    expect(
      (
        await api.call('POST', '/v1/cash-ins', {
          token: agent.token,
          headers: idem(),
          body: { customerPhone: customer.phone, amount: 100_000 },
        })
      ).status,
    ).toBe(201)
    expect((await smsTo(agent.phone)).some((m) => m.includes('float is low'))).toBe(true)
  })

  it('cash out needs the customer PIN, charges the fee, and pays the agent its float back', async () => {
    const agent = await api.agent()
    const customer = await api.user({ balance: 1_000_000n })
    const h = idem()
    const wrong = await api.call('POST', '/v1/cash-outs', {
      token: agent.token,
      headers: h,
      body: { customerPhone: customer.phone, amount: 200_000, customerPin: '9999' },
    })
    expect(wrong.body).toMatchObject({ code: 'invalid_pin', remainingAttempts: 2 })
    const replay = await api.call('POST', '/v1/cash-outs', {
      token: agent.token,
      headers: h,
      body: { customerPhone: customer.phone, amount: 200_000, customerPin: '9999' },
    })
    expect(replay.body).toEqual(wrong.body)
    expect((await wallet(customer.token)).balance).toBe(1_000_000)
    const ok = await api.call('POST', '/v1/cash-outs', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 200_000, customerPin: customer.pin },
    })
    expect(ok.body).toMatchObject({ type: 'cash_out', amount: 200_000, fee: 2_900 })
    expect((await wallet(customer.token)).balance).toBe(1_000_000 - 200_000 - 2_900)
    expect((await wallet(agent.token)).balance).toBe(200_000)
    expect(await commissionOf(agent.id)).toBe(800n) // 0.4% of 2,000.00
    const broke = await api.call('POST', '/v1/cash-outs', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 900_000, customerPin: customer.pin },
    })
    expect(broke.body.code).toBe('insufficient_funds')
  })

  it('three wrong PINs at the counter lock the customer', async () => {
    const agent = await api.agent()
    const customer = await api.user({ balance: 100_000n })
    for (const expected of ['invalid_pin', 'invalid_pin', 'account_locked'])
      expect(
        (
          await api.call('POST', '/v1/cash-outs', {
            token: agent.token,
            headers: idem(),
            body: { customerPhone: customer.phone, amount: 10_000, customerPin: '9999' },
          })
        ).body.code,
      ).toBe(expected)
    expect(
      (await api.call('POST', '/v1/auth/login', { body: { phone: customer.phone, pin: customer.pin } }))
        .status,
    ).toBe(423)
  })

  it('withdrawal: the customer names the agent; the agent is told at once, the customer gets the agent name', async () => {
    const agent = await api.agent()
    const customer = await api.user({ balance: 500_000n, tier: 0 })
    const r = await api.call('POST', '/v1/withdrawals', {
      token: customer.token,
      headers: idem(),
      body: { agentCode: agent.code, amount: 100_000 },
    })
    expect(r.body).toMatchObject({
      type: 'withdrawal',
      amount: 100_000,
      fee: 2_900,
      agentName: 'Test Agency',
      agentCode: agent.code,
    })
    expect(
      (await smsTo(agent.phone)).some(
        (m) => m.includes('Test User') && m.includes('withdrawing KES 1,000.00'),
      ),
    ).toBe(true)
    expect((await smsTo(customer.phone)).some((m) => m.includes(`Test Agency (${agent.code})`))).toBe(true)
    const over = await api.call('POST', '/v1/withdrawals', {
      token: customer.token,
      headers: idem(),
      body: { agentCode: agent.code, amount: 1_000_001 },
    })
    expect(over.body.code).toBe('limit_exceeded')
    expect(
      (
        await api.call('POST', '/v1/withdrawals', {
          token: customer.token,
          headers: idem(),
          body: { agentCode: 'NOSUCH', amount: 100 },
        })
      ).status,
    ).toBe(404)
  })

  it('pays accrued commission into the float, and shows it all in the float statement', async () => {
    const agent = await api.agent({ float: 1_000_000n })
    const customer = await api.user()
    await api.call('POST', '/v1/cash-ins', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 200_000 },
    })
    expect(await commissionOf(agent.id)).toBe(1_000n)
    const admin = await api.staff('admin')
    const paid = await api.call('POST', '/v1/admin/commissions/payout', { token: admin.token })
    expect(paid.body.agents).toBeGreaterThanOrEqual(1)
    expect(await commissionOf(agent.id)).toBe(0n)
    expect((await wallet(agent.token)).balance).toBe(1_000_000 - 200_000 + 1_000)
    const statement = await api.call('GET', '/v1/agents/me/float-statement?limit=2', { token: agent.token })
    expect(
      statement.body.items.map((l: { type: string; amount: number; balanceAfter: number }) => [
        l.type,
        l.amount,
        l.balanceAfter,
      ]),
    ).toEqual([
      ['commission_payout', 1_000, 801_000],
      ['cash_in', -200_000, 800_000],
    ])
    const older = await api.call(
      'GET',
      `/v1/agents/me/float-statement?limit=2&before=${statement.body.nextBefore}`,
      { token: agent.token },
    )
    expect(older.body.items.map((l: { type: string }) => l.type)).toEqual(['bank_deposit'])
    expect((await api.call('POST', '/v1/admin/commissions/payout', { token: agent.token })).status).toBe(403)
  })

  it('roles: only agents take cash in and out, only customers withdraw', async () => {
    const agent = await api.agent({ float: 100_000n })
    const customer = await api.user({ balance: 100_000n })
    expect(
      (
        await api.call('POST', '/v1/cash-ins', {
          token: customer.token,
          headers: idem(),
          body: { customerPhone: customer.phone, amount: 100 },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api.call('POST', '/v1/withdrawals', {
          token: agent.token,
          headers: idem(),
          body: { agentCode: agent.code, amount: 100 },
        })
      ).status,
    ).toBe(403)
  })
})
