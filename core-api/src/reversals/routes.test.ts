import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { until } from '../testing/wait'

describe.skipIf(needsDatabase)('four-eyes reversal', () => {
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
  const ask = (token: string, id: string, reason = 'sent to a wrong number') =>
    api.call('POST', `/v1/admin/transactions/${id}/reversal-requests`, { token, body: { reason } })
  const approve = (token: string, id: string, headers = idem()) =>
    api.call('POST', `/v1/admin/reversal-requests/${id}/approve`, { token, headers })

  it('a sub-admin asks, another admin approves: the money and the fee go back, once', async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 150_050)
    const req = await ask(sub.token, t.id)
    expect(req.status).toBe(201)
    expect(req.body).toMatchObject({ status: 'pending', kind: 'reversal', targetId: t.id })
    // Nothing moves before the decision.
    expect(await balance(a.token)).toBe(500_000 - 150_050 - 3_300)
    const h = idem()
    const r = await approve(admin.token, req.body.id, h)
    expect(r.status).toBe(200)
    expect(r.body.reversal).toEqual({ id: t.id, status: 'reversed' })
    expect(r.body.request).toMatchObject({ status: 'approved', decidedBy: admin.id })
    expect(await balance(a.token)).toBe(500_000)
    expect(await balance(b.token)).toBe(0)
    // The same key answers the same; another approval finds it decided.
    expect((await approve(admin.token, req.body.id, h)).body).toEqual(r.body)
    expect((await approve(admin2.token, req.body.id)).body.code).toBe('duplicate')
    expect(await balance(a.token)).toBe(500_000)
    // A new request for a reversed transaction is refused.
    expect((await ask(sub.token, t.id)).body.code).toBe('duplicate')
    const actions = (await api.tdb.db('audit_log').where({ target_id: t.id }).select('action')).map(
      (x) => x.action,
    )
    expect(actions).toEqual(
      expect.arrayContaining(['reversal.request', 'reversal.approve', 'transaction.reverse', 'ledger.entry']),
    )
  })

  it('the requester cannot approve or reject their own request; a second pending request is refused', async () => {
    const a = await api.user({ balance: 100_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 1_000)
    const req = await ask(admin.token, t.id)
    expect(req.status).toBe(201)
    expect((await ask(sub.token, t.id)).status).toBe(409)
    const own = await approve(admin.token, req.body.id)
    expect(own.status).toBe(403)
    expect(own.body.code).toBe('forbidden')
    expect(
      (
        await api.call('POST', `/v1/admin/reversal-requests/${req.body.id}/reject`, {
          token: admin.token,
          body: { reason: 'mine' },
        })
      ).status,
    ).toBe(403)
    expect(await balance(b.token)).toBe(1_000)
    const rejected = await api.call('POST', `/v1/admin/reversal-requests/${req.body.id}/reject`, {
      token: admin2.token,
      body: { reason: 'the customer confirmed the number' },
    })
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'the customer confirmed the number',
    })
    expect(await balance(b.token)).toBe(1_000)
    // Once rejected, a new request may be made.
    expect((await ask(sub.token, t.id)).status).toBe(201)
  })

  it('two requests for one transaction at once: one is pending, the other refused', async () => {
    const a = await api.user({ balance: 100_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 2_000)
    const both = await Promise.all([ask(sub.token, t.id), ask(admin.token, t.id), ask(admin2.token, t.id)])
    expect(both.map((r) => r.status).sort()).toEqual([201, 409, 409])
    expect(await api.tdb.db('approval_requests').where({ target_id: t.id, status: 'pending' })).toHaveLength(
      1,
    )
  })

  it('two admins approving at once reverse it once', async () => {
    const a = await api.user({ balance: 100_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 5_000)
    const req = await ask(sub.token, t.id)
    const [x, y] = await Promise.all([approve(admin.token, req.body.id), approve(admin2.token, req.body.id)])
    expect([x.status, y.status].sort()).toEqual([200, 409])
    expect(await balance(b.token)).toBe(0)
    expect(
      await api.tdb.db('journal_entries').where({ transaction_id: t.id, kind: 'reversal' }),
    ).toHaveLength(1)
  })

  it('is refused and flagged when the recipient has spent the money', async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const c = await api.user()
    const t = await send(a, b.phone, 10_000)
    await send(b, c.phone, 10_000)
    const req = await ask(sub.token, t.id, 'wrong number')
    const r = await approve(admin.token, req.body.id)
    expect(r.body).toMatchObject({ status: 422, code: 'insufficient_funds', requestId: req.body.id })
    expect(await balance(a.token)).toBe(500_000 - 10_000)
    expect(
      await api.tdb.db('transaction_flags').where({ transaction_id: t.id, kind: 'reversal_blocked' }),
    ).toHaveLength(1)
    expect(
      (await api.call('GET', `/v1/admin/approval-requests/${req.body.id}`, { token: auditor.token })).body
        .status,
    ).toBe('failed')
  })

  // Four eyes: the sub-admin asks, the given admin approves; a request refused outright answers itself.
  const reverse = async (token: string, id: string, reason = 'staff asked') => {
    const req = await ask(sub.token, id, reason)
    return req.status === 201 ? approve(token, req.body.id) : req
  }
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

  it('auditors and users may not ask, sub-admins and auditors may not decide; the one-person reversal is gone', async () => {
    const a = await api.user({ balance: 100_000n })
    const b = await api.user()
    const t = await send(a, b.phone, 1_000)
    for (const token of [auditor.token, a.token]) expect((await ask(token, t.id)).status).toBe(403)
    const req = await ask(admin.token, t.id)
    for (const token of [sub.token, auditor.token, a.token]) {
      expect((await approve(token, req.body.id)).status).toBe(403)
      expect(
        (
          await api.call('POST', `/v1/admin/reversal-requests/${req.body.id}/reject`, {
            token,
            body: { reason: 'no' },
          })
        ).status,
      ).toBe(403)
    }
    const gone = await api.call('POST', `/v1/admin/transactions/${t.id}/reverse`, {
      token: admin.token,
      headers: idem(),
      body: { reason: 'alone' },
    })
    expect(gone.status).toBe(404)
    // The list, for every staff role.
    for (const token of [admin.token, sub.token, auditor.token]) {
      const list = await api.call('GET', '/v1/admin/approval-requests?status=pending&kind=reversal', {
        token,
      })
      expect(list.status).toBe(200)
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(req.body.id)
    }
    expect((await api.call('GET', '/v1/admin/approval-requests', { token: a.token })).status).toBe(403)
  })
})
