import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('transactions in the back office', () => {
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
    await api.close()
  })

  it('filters by party, type, status, amount and period, pages by cursor, and finds by reference', async () => {
    const a = await api.user({ balance: 1_000_000n })
    const b = await api.user()
    const ids: string[] = []
    for (const amount of [1_000, 20_000, 150_050, 300_000])
      ids.push(
        (
          await api.call('POST', '/v1/transfers', {
            token: a.token,
            headers: idem(),
            body: { toPhone: b.phone, amount },
          })
        ).body.id,
      )
    for (const s of [admin, sub, auditor]) {
      const r = await api.call('GET', `/v1/admin/transactions?party=${encodeURIComponent(b.phone)}`, {
        token: s.token,
      })
      expect(r.status).toBe(200)
      expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([...ids].reverse())
    }
    // The phone as staff type it: the local 07… spelling and with spaces find the same party.
    for (const typed of [`0${b.phone.slice(4)}`, `${b.phone.slice(0, 4)} ${b.phone.slice(4)}`]) {
      const r = await api.call('GET', `/v1/admin/transactions?party=${encodeURIComponent(typed)}`, {
        token: admin.token,
      })
      expect(
        r.body.items.map((i: { id: string }) => i.id),
        typed,
      ).toEqual([...ids].reverse())
    }
    const item = (
      await api.call('GET', `/v1/admin/transactions?party=${a.id}&limit=1`, { token: admin.token })
    ).body
    expect(item.items[0]).toMatchObject({
      id: ids[3],
      type: 'p2p',
      status: 'completed',
      amount: 300_000,
      payer: { id: a.id, phone: a.phone },
      payee: { id: b.id, phone: b.phone },
    })
    const p2 = await api.call(
      'GET',
      `/v1/admin/transactions?party=${a.id}&limit=2&cursor=${item.nextCursor}`,
      {
        token: admin.token,
      },
    )
    expect(p2.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]])
    const ranged = await api.call(
      'GET',
      `/v1/admin/transactions?party=${b.id}&type=p2p&status=completed&min=10000&max=200000`,
      {
        token: admin.token,
      },
    )
    expect(ranged.body.detail).toBe(undefined)
    expect(ranged.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]])
    const future = new Date(Date.now() + 3_600_000).toISOString()
    expect(
      (
        await api.call('GET', `/v1/admin/transactions?party=${b.id}&from=${encodeURIComponent(future)}`, {
          token: admin.token,
        })
      ).body.items,
    ).toEqual([])
    const ref = ids[1]!.slice(0, 8).toUpperCase()
    const byRef = await api.call('GET', `/v1/admin/transactions?q=${ref}`, { token: admin.token })
    expect(byRef.body.items.map((i: { id: string }) => i.id)).toContain(ids[1])
    expect((await api.call('GET', '/v1/admin/transactions?status=lost', { token: admin.token })).status).toBe(
      400,
    )
    expect((await api.call('GET', '/v1/admin/transactions', { token: a.token })).status).toBe(403)
  })

  it('shows a transaction with every posting', async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const t = (
      await api.call('POST', '/v1/transfers', {
        token: a.token,
        headers: idem(),
        body: { toPhone: b.phone, amount: 150_050 },
      })
    ).body
    for (const s of [admin, sub, auditor]) {
      const d = await api.call('GET', `/v1/admin/transactions/${t.id}`, { token: s.token })
      expect(d.status).toBe(200)
      expect(d.body.transaction).toMatchObject({ id: t.id, amount: 150_050, fee: 3_300 })
      expect(d.body.entries).toHaveLength(1)
      const postings = d.body.entries[0].postings
      expect(postings.reduce((s: number, p: { amount: number }) => s + p.amount, 0)).toBe(0)
      expect(postings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ partyId: a.id, accountType: 'user_wallet', amount: -153_350 }),
          expect.objectContaining({ partyId: b.id, amount: 150_050 }),
          expect.objectContaining({ accountType: 'fee_revenue', amount: 3_300 }),
        ]),
      )
      expect(d.body.partnerCalls).toEqual([])
    }
    expect((await api.call('GET', `/v1/admin/transactions/${t.id}`, { token: a.token })).status).toBe(403)
    expect(
      (
        await api.call('GET', '/v1/admin/transactions/00000000-0000-4000-8000-000000000000', {
          token: admin.token,
        })
      ).status,
    ).toBe(404)
  })
})
