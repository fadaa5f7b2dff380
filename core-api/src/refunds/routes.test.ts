import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('refunds', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })

  const refund = (token: string, paymentId: string, amount: number) =>
    api.call('POST', '/v1/refunds', { token, headers: idem(), body: { paymentId, amount } })

  it('gives back part, then the rest, never more than was paid, and tells the customer', async () => {
    const m = await api.merchant()
    const customer = await api.user({ balance: 100_000n })
    const paid = (
      await api.call('POST', '/v1/merchant-payments', {
        token: customer.token,
        headers: idem(),
        body: { merchantCode: m.code, amount: 10_000 },
      })
    ).body
    const first = await refund(m.token, paid.id, 4_000)
    expect(first.body).toMatchObject({ type: 'refund', amount: 4_000, refundedSoFar: 4_000 })
    expect((await refund(m.token, paid.id, 6_001)).body.code).toBe('limit_exceeded')
    expect((await refund(m.token, paid.id, 6_000)).body.refundedSoFar).toBe(10_000)
    expect((await refund(m.token, paid.id, 1)).body.code).toBe('limit_exceeded')
    expect((await api.call('GET', '/v1/me/wallet', { token: customer.token })).body.balance).toBe(100_000)
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(0n)
    const sms = await api.tdb
      .db('outbox')
      .whereRaw("payload->>'to' = ?", [customer.phone])
      .whereRaw("payload->>'message' LIKE '%refunded%'")
    expect(sms).toHaveLength(2)
  })

  it("refunds only this till's payments, and simultaneous refunds never exceed what was paid", async () => {
    const m = await api.merchant()
    const other = await api.merchant()
    const customer = await api.user({ balance: 100_000n })
    const paid = (
      await api.call('POST', '/v1/merchant-payments', {
        token: customer.token,
        headers: idem(),
        body: { merchantCode: m.code, amount: 10_000 },
      })
    ).body
    expect((await refund(other.token, paid.id, 100)).status).toBe(404)
    const results = await Promise.all(Array.from({ length: 6 }, () => refund(m.token, paid.id, 3_000)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(3)
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(1_000n)
    expect(
      (
        await api.call('POST', '/v1/refunds', {
          token: customer.token,
          headers: idem(),
          body: { paymentId: paid.id, amount: 1 },
        })
      ).status,
    ).toBe(403)
  })
  it('a settlement racing refunds of the same till: no error, never more out than the till held', async () => {
    const statuses: number[] = []
    for (let round = 0; round < 6; round++) {
      const m = await api.merchant()
      const customer = await api.user({ balance: 100_000n })
      const payments = []
      for (let i = 0; i < 4; i++)
        payments.push(
          (
            await api.call('POST', '/v1/merchant-payments', {
              token: customer.token,
              headers: idem(),
              body: { merchantCode: m.code, amount: 10_000 },
            })
          ).body,
        )
      const settle = api.call('POST', '/v1/merchants/me/settlements', {
        token: m.token,
        headers: idem(),
        body: {},
      })
      const answers = await Promise.all([settle, ...payments.map((p) => refund(m.token, p.id, 10_000))])
      for (const a of answers) {
        statuses.push(a.status)
        expect([201, 202, 422], `round ${round}: ${JSON.stringify(a.body)}`).toContain(a.status)
        if (a.status === 422) expect(['insufficient_funds', 'validation_failed']).toContain(a.body.code)
      }
      const refunded = answers.slice(1).filter((a) => a.status === 201).length * 10_000
      const till = await api.services.ledger.balance(m.accountId)
      expect(till.balance).toBeGreaterThanOrEqual(0n)
      const settled = answers[0]!.status < 300 ? answers[0]!.body.amount + answers[0]!.body.fee : 0
      expect(Number(till.available), `round ${round}`).toBe(40_000 - refunded - settled)
    }
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
  })
})
