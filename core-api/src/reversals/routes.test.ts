import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { until } from '../testing/wait'

describe.skipIf(needsDatabase)('reversal by staff', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })

  const balance = async (token: string) => (await api.call('GET', '/v1/me/wallet', { token })).body.balance
  const send = async (from: { token: string }, toPhone: string, amount: number) =>
    (
      await api.call('POST', '/v1/transfers', {
        token: from.token,
        headers: idem(),
        body: { toPhone, amount },
      })
    ).body

  it('puts the money and the fee back, once, and tells both sides', async () => {
    const admin = await api.staff('admin')
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 150_050)
    expect(t.fee).toBe(3_300)
    const h = idem()
    const r = await api.call('POST', `/v1/admin/transactions/${t.id}/reverse`, {
      token: admin.token,
      headers: h,
      body: { reason: 'sent to a wrong number' },
    })
    expect(r.body).toEqual({ id: t.id, status: 'reversed' })
    expect(await balance(a.token)).toBe(500_000)
    expect(await balance(b.token)).toBe(0)
    const again = await api.call('POST', `/v1/admin/transactions/${t.id}/reverse`, {
      token: admin.token,
      headers: idem(),
      body: { reason: 'again' },
    })
    expect(again.body.code).toBe('duplicate')
    expect(
      (
        await api.call('POST', `/v1/admin/transactions/${t.id}/reverse`, {
          token: admin.token,
          headers: h,
          body: { reason: 'sent to a wrong number' },
        })
      ).body,
    ).toEqual(r.body)
    expect(await balance(a.token)).toBe(500_000)
    const history = await api.call('GET', '/v1/me/transactions?limit=1', { token: a.token })
    expect(history.body.items[0]).toMatchObject({ id: t.id, status: 'reversed' })
    expect(
      await api.tdb.db('audit_log').where({ action: 'transaction.reverse', target_id: t.id }).first(),
    ).toBeTruthy()
    const sms = await api.tdb
      .db('outbox')
      .whereRaw("payload->>'message' LIKE '%reversed%'")
      .whereRaw("payload->>'to' IN (?, ?)", [a.phone, b.phone])
    expect(sms).toHaveLength(2)
  })

  it('is refused and flagged when the recipient has spent the money', async () => {
    const admin = await api.staff('sub_admin')
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const c = await api.user()
    const t = await send(a, b.phone, 10_000)
    await send(b, c.phone, 10_000)
    const r = await api.call('POST', `/v1/admin/transactions/${t.id}/reverse`, {
      token: admin.token,
      headers: idem(),
      body: { reason: 'wrong number' },
    })
    expect(r.body).toMatchObject({
      status: 422,
      code: 'insufficient_funds',
      detail: expect.stringContaining('flagged'),
    })
    expect(await balance(a.token)).toBe(500_000 - 10_000)
    expect(
      await api.tdb.db('transaction_flags').where({ transaction_id: t.id, kind: 'reversal_blocked' }),
    ).toHaveLength(1)
    expect((await api.tdb.db('transactions').where({ id: t.id }).first()).status).toBe('completed')
  })

  const reverse = (token: string, id: string, reason = 'staff asked') =>
    api.call('POST', `/v1/admin/transactions/${id}/reverse`, { token, headers: idem(), body: { reason } })
  const payTill = async (customer: { token: string }, code: string, amount: number) =>
    (
      await api.call('POST', '/v1/merchant-payments', {
        token: customer.token,
        headers: idem(),
        body: { merchantCode: code, amount },
      })
    ).body
  const refund = (token: string, paymentId: string, amount: number) =>
    api.call('POST', '/v1/refunds', { token, headers: idem(), body: { paymentId, amount } })

  it('never gives a payment back twice: a refunded payment is not reversed, a reversed one not refunded', async () => {
    const admin = await api.staff('admin')
    const m = await api.merchant()
    const customer = await api.user({ balance: 100_000n })
    // Other sales: the till holds more than this payment, so a second give-back would go through.
    await payTill(await api.user({ balance: 100_000n }), m.code, 50_000)
    // Refunded in full, then staff try to reverse it.
    const paid = await payTill(customer, m.code, 20_000)
    expect((await refund(m.token, paid.id, 20_000)).status).toBe(201)
    const r = await reverse(admin.token, paid.id)
    expect(r.body).toMatchObject({
      status: 409,
      code: 'duplicate',
      detail: expect.stringMatching(/refunded/),
    })
    expect(await balance(customer.token)).toBe(100_000 - paid.fee)
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(50_000n)
    // Partly refunded: still refused, saying what is left for the merchant to refund.
    const part = await payTill(customer, m.code, 10_000)
    expect((await refund(m.token, part.id, 4_000)).status).toBe(201)
    expect((await reverse(admin.token, part.id)).body).toMatchObject({
      code: 'duplicate',
      detail: expect.stringMatching(/refunded/),
    })
    // Reversed first: a refund is then refused and says why.
    const third = await payTill(customer, m.code, 5_000)
    expect((await reverse(admin.token, third.id)).status).toBe(200)
    expect((await refund(m.token, third.id, 1_000)).body).toMatchObject({
      status: 409,
      code: 'duplicate',
      detail: expect.stringMatching(/reversed/),
    })
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(56_000n)
  })

  it('a refund and a reversal of the same payment racing: exactly one wins, the money moves once', async () => {
    const admin = await api.staff('admin')
    const m = await api.merchant()
    const customer = await api.user({ balance: 1_000_000n })
    for (let round = 0; round < 8; round++) {
      const before = await balance(customer.token)
      const paid = await payTill(customer, m.code, 10_000)
      const [rf, rv] = await Promise.all([refund(m.token, paid.id, 10_000), reverse(admin.token, paid.id)])
      const won = [rf.status === 201, rv.status === 200]
      expect(won.filter(Boolean), `round ${round}: ${rf.status} ${rv.status}`).toHaveLength(1)
      expect([rf.status, rv.status]).toContain(409)
      // The refund gives back the amount; the reversal the amount and its fee: never both.
      expect(await balance(customer.token)).toBe(won[0] ? before - paid.fee : before)
      expect((await api.services.ledger.balance(m.accountId)).balance).toBe(0n)
    }
  })

  it('refuses to reverse what a partner has already settled (a bank payout), saying why', async () => {
    const admin = await api.staff('admin')
    const u = await api.user({ balance: 500_000n })
    const r = await api.call('POST', '/v1/bank-transfers', {
      token: u.token,
      headers: idem(),
      body: { accountNumber: '1234567890', amount: 100_000 },
    })
    // Completed at once (201) or when the bank's callback lands (202 first): either way, settled.
    expect([201, 202]).toContain(r.status)
    await until(
      async () => (await api.tdb.db('transactions').where({ id: r.body.id }).first()).status === 'completed',
      10_000,
      'the payout to complete',
    )
    const before = await balance(u.token)
    const rv = await reverse(admin.token, r.body.id)
    expect(rv.body).toMatchObject({ status: 409, detail: expect.stringMatching(/bank.*partner|partner/i) })
    expect(await balance(u.token)).toBe(before)
    expect((await api.tdb.db('transactions').where({ id: r.body.id }).first()).status).toBe('completed')
  })

  it('is staff work: an auditor or a user may not reverse', async () => {
    const a = await api.user({ balance: 100_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 1_000)
    const auditor = await api.staff('auditor')
    for (const token of [auditor.token, a.token])
      expect(
        (
          await api.call('POST', `/v1/admin/transactions/${t.id}/reverse`, {
            token,
            headers: idem(),
            body: { reason: 'mine' },
          })
        ).status,
      ).toBe(403)
  })
})
