import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('merchant payment requests and QR payments', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })
  const pay = (token: string, body: object) =>
    api.call('POST', '/v1/merchant-payments', { token, headers: idem(), body })

  it('a request shows as a QR, is paid by scanning it, and turns paid, once', async () => {
    const m = await api.merchant()
    const customer = await api.user({ balance: 200_000n })
    const req = await api.call('POST', '/v1/payment-requests', {
      token: m.token,
      body: { amount: 87_550, reference: 'INV-1' },
    })
    expect(req.status).toBe(201)
    expect(req.body).toMatchObject({
      amount: 87_550,
      status: 'pending',
      reference: 'INV-1',
      qr: expect.stringMatching(/^000201010212.*6304[0-9A-F]{4}$/),
    })
    const paid = await pay(customer.token, { qr: req.body.qr })
    expect(paid.body).toMatchObject({ type: 'merchant_payment', amount: 87_550, status: 'completed' })
    const seen = await api.call('GET', `/v1/payment-requests/${req.body.id}`, { token: m.token })
    expect(seen.body).toMatchObject({ status: 'paid', paidTransactionId: paid.body.id })
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(87_550n)
    const again = await pay(customer.token, { qr: req.body.qr })
    expect(again.body.code).toBe('duplicate')
    expect((await pay(customer.token, { qr: req.body.qr, amount: 1 })).status).toBe(400)
  })

  it('two customers scanning the same request: exactly one pays', async () => {
    const m = await api.merchant()
    const [a, b] = await Promise.all([api.user({ balance: 100_000n }), api.user({ balance: 100_000n })])
    const req = await api.call('POST', '/v1/payment-requests', { token: m.token, body: { amount: 50_000 } })
    const results = await Promise.all([pay(a.token, { qr: req.body.qr }), pay(b.token, { qr: req.body.qr })])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(50_000n)
  })

  it('an expired request cannot be paid and reads as expired', async () => {
    const m = await api.merchant()
    const customer = await api.user({ balance: 100_000n })
    const req = await api.call('POST', '/v1/payment-requests', {
      token: m.token,
      body: { amount: 10_000, ttlSeconds: 30 },
    })
    await api.tdb
      .db('payment_requests')
      .where({ id: req.body.id })
      .update({ expires_at: new Date(Date.now() - 1000) })
    expect((await pay(customer.token, { qr: req.body.qr })).body.detail).toContain('expired')
    expect(
      (await api.call('GET', `/v1/payment-requests/${req.body.id}`, { token: m.token })).body.status,
    ).toBe('expired')
    expect((await api.call('GET', '/v1/me/wallet', { token: customer.token })).body.balance).toBe(100_000)
  })

  it("the till's static QR takes the amount the customer types; damaged codes are refused", async () => {
    const m = await api.merchant()
    const customer = await api.user({ balance: 100_000n })
    const { qr } = (await api.call('GET', '/v1/merchants/me/qr', { token: m.token })).body
    expect(qr).toMatch(/^000201010211/)
    expect((await pay(customer.token, { qr })).body.detail).toContain('enter the amount')
    expect((await pay(customer.token, { qr, amount: 2_500 })).body).toMatchObject({ amount: 2_500 })
    const damaged = qr.slice(0, 30) + (qr[30] === 'A' ? 'B' : 'A') + qr.slice(31)
    expect((await pay(customer.token, { qr: damaged, amount: 100 })).body).toMatchObject({
      status: 400,
      code: 'validation_failed',
    })
    const other = await api.merchant()
    const foreign = await api.call(
      'GET',
      `/v1/payment-requests/${(await api.call('POST', '/v1/payment-requests', { token: other.token, body: { amount: 100 } })).body.id}`,
      { token: m.token },
    )
    expect(foreign.status).toBe(404)
    expect(
      (await api.call('POST', '/v1/payment-requests', { token: customer.token, body: { amount: 100 } }))
        .status,
    ).toBe(403)
  })
})
