import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

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
