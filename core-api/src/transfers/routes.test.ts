import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('POST /v1/transfers', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({}, 40)
  })
  afterAll(async () => {
    expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await api.close()
  })

  const wallet = async (token: string) => (await api.call('GET', '/v1/me/wallet', { token })).body

  it('moves the amount, charges the tariff fee to fee revenue, and notifies both sides', async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const r = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: idem(),
      body: { toPhone: b.phone, amount: 150_050 },
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      type: 'p2p',
      status: 'completed',
      amount: 150_050,
      fee: 3_300,
      currency: 'KES',
    })
    expect(await wallet(a.token)).toMatchObject({
      balance: 500_000 - 150_050 - 3_300,
      available: 500_000 - 150_050 - 3_300,
    })
    expect(await wallet(b.token)).toMatchObject({ balance: 150_050 })
    const postings = await api.tdb
      .db('postings as p')
      .join('journal_entries as e', 'e.id', 'p.entry_id')
      .where('e.transaction_id', r.body.id)
      .select('p.amount')
    expect(postings.map((p) => p.amount).sort()).toEqual([-153_350n, 150_050n, 3_300n].sort())
    const sms = await api.tdb
      .db('outbox')
      .whereRaw("payload->>'to' IN (?, ?)", [a.phone, b.phone])
      .whereRaw("payload->>'message' NOT LIKE 'Welcome%'")
      .select('payload')
    expect(sms).toHaveLength(2)
    const history = await api.call('GET', '/v1/me/transactions?limit=1', { token: b.token })
    expect(history.body.items[0]).toMatchObject({ id: r.body.id, direction: 'in', amount: 150_050, fee: 0 })
  })

  it('refuses more than the balance, writes nothing, and replays the refusal', async () => {
    const a = await api.user({ balance: 10_000n })
    const b = await api.user()
    const h = idem()
    const before = await api.tdb.db('transactions').count({ n: '*' }).first()
    const r = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: h,
      body: { toPhone: b.phone, amount: 10_001 },
    })
    expect(r.status).toBe(422)
    expect(r.body.code).toBe('insufficient_funds')
    expect(r.headers.get('content-type')).toContain('application/problem+json')
    const again = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: h,
      body: { toPhone: b.phone, amount: 10_001 },
    })
    expect(again.status).toBe(422)
    expect(again.body).toEqual(r.body)
    expect(await api.tdb.db('transactions').count({ n: '*' }).first()).toEqual(before)
    expect(await wallet(a.token)).toMatchObject({ balance: 10_000 })
  })

  it('enforces tier limits: per transaction, daily, and the recipient balance cap', async () => {
    const a = await api.user({ balance: 4_000_000n, tier: 0 })
    const b = await api.user({ tier: 2 })
    const over = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: idem(),
      body: { toPhone: b.phone, amount: 1_000_001 },
    })
    expect(over.body.code).toBe('limit_exceeded')
    for (let i = 0; i < 2; i++)
      expect(
        (
          await api.call('POST', '/v1/transfers', {
            token: a.token,
            headers: idem(),
            body: { toPhone: b.phone, amount: 1_000_000 },
          })
        ).status,
      ).toBe(201)
    const daily = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: idem(),
      body: { toPhone: b.phone, amount: 100 },
    })
    expect(daily.body).toMatchObject({ code: 'limit_exceeded', detail: expect.stringContaining('daily') })
    const rich = await api.user({ balance: 10_000_000n, tier: 2 })
    const poor = await api.user({ tier: 0, balance: 4_900_000n })
    const cap = await api.call('POST', '/v1/transfers', {
      token: rich.token,
      headers: idem(),
      body: { toPhone: poor.phone, amount: 200_000 },
    })
    expect(cap.body).toMatchObject({ code: 'limit_exceeded', detail: expect.stringContaining('recipient') })
  })

  it('moves money once for sequential and simultaneous duplicates, answering identically', async () => {
    const a = await api.user({ balance: 1_000_000n })
    const b = await api.user()
    const h = idem()
    const body = { toPhone: b.phone, amount: 10_000 }
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.call('POST', '/v1/transfers', { token: a.token, headers: h, body }),
      ),
    )
    const later = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: h,
      body: { amount: 10_000, toPhone: b.phone },
    })
    for (const r of [...answers, later]) {
      expect(r.status).toBe(201)
      expect(r.body).toEqual(answers[0]!.body)
    }
    expect(await wallet(b.token)).toMatchObject({ balance: 10_000 })
    const changed = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: h,
      body: { toPhone: b.phone, amount: 10_001 },
    })
    expect(changed.status).toBe(409)
    expect(changed.body.code).toBe('idempotency_conflict')
    expect(await wallet(b.token)).toMatchObject({ balance: 10_000 })
  })

  it('ends hundreds of parallel transfers among a few wallets with exact balances and no deadlock', async () => {
    const people = await Promise.all(
      Array.from({ length: 5 }, () => api.user({ balance: 2_000_000n, tier: 2 })),
    )
    const plan = Array.from({ length: 300 }, (_, i) => {
      const from = people[i % 5]!
      const to =
        people[
          (i * 7 + 1 + Math.floor(i / 5)) % 5 === i % 5 ? (i + 1) % 5 : (i * 7 + 1 + Math.floor(i / 5)) % 5
        ]!
      return { from, to, amount: 100 + (i % 37) * 10 }
    })
    const results = await Promise.all(
      plan.map((p) =>
        api.call('POST', '/v1/transfers', {
          token: p.from.token,
          headers: idem(),
          body: { toPhone: p.to.phone, amount: p.amount },
        }),
      ),
    )
    const failures = results.filter((r) => r.status !== 201)
    expect(failures.map((f) => f.body)).toEqual([])
    for (const person of people) {
      const sent = plan.filter((p) => p.from === person).reduce((s, p) => s + p.amount, 0)
      const got = plan.filter((p) => p.to === person).reduce((s, p) => s + p.amount, 0)
      // Fees: every amount here is in the free band (≤ 100.00).
      expect((await wallet(person.token)).balance).toBe(2_000_000 - sent + got)
    }
  })

  it('pays a merchant till by code; many payers at once all land on the sharded till', async () => {
    const m = await api.merchant()
    const payers = await Promise.all(Array.from({ length: 20 }, () => api.user({ balance: 50_000n })))
    const results = await Promise.all(
      payers.map((p) =>
        api.call('POST', '/v1/merchant-payments', {
          token: p.token,
          headers: idem(),
          body: { merchantCode: m.code, amount: 12_345 },
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(payers.map(() => 201))
    expect(results[0]!.body).toMatchObject({ type: 'merchant_payment', amount: 12_345, fee: 0 })
    expect((await api.services.ledger.balance(m.accountId)).balance).toBe(20n * 12_345n)
    for (const p of payers) expect((await wallet(p.token)).balance).toBe(50_000 - 12_345)
    const unknown = await api.call('POST', '/v1/merchant-payments', {
      token: payers[0]!.token,
      headers: idem(),
      body: { merchantCode: 'NOSUCH', amount: 100 },
    })
    expect(unknown.status).toBe(404)
  })

  describe('bad input gets a problem and writes nothing', () => {
    const cases: Array<[string, { raw?: string; body?: unknown; headers?: Record<string, string> }, number]> =
      [
        ['a float amount', { body: { toPhone: '+254700000000', amount: 10.5 } }, 400],
        ['a string amount', { body: { toPhone: '+254700000000', amount: '1000' } }, 400],
        ['a negative amount', { body: { toPhone: '+254700000000', amount: -5 } }, 400],
        ['a zero amount', { body: { toPhone: '+254700000000', amount: 0 } }, 400],
        ['a huge amount', { body: { toPhone: '+254700000000', amount: 1e300 } }, 400],
        ['an unsafe integer', { raw: '{"toPhone":"+254700000000","amount":9007199254740993}' }, 400],
        ['an unknown field', { body: { toPhone: '+254700000000', amount: 100, admin: true } }, 400],
        ['a bad phone', { body: { toPhone: '0711 000 001', amount: 100 } }, 400],
        ['malformed JSON', { raw: '{"toPhone": "+2547' }, 400],
        [
          'an oversized body',
          { raw: JSON.stringify({ toPhone: '+254700000000', amount: 1, note: 'x'.repeat(40_000) }) },
          413,
        ],
        ['an array body', { raw: '[1,2]' }, 400],
        [
          'no idempotency key',
          { body: { toPhone: '+254700000000', amount: 100 }, headers: { 'Idempotency-Key': '' } },
          400,
        ],
      ]
    it.each(cases)('%s', async (_name, req, status) => {
      const a = await api.user({ balance: 100_000n })
      const counts = async () =>
        Promise.all(
          ['transactions', 'postings', 'idempotency_keys', 'outbox'].map((t) =>
            api.tdb.db(t).count({ n: '*' }).first(),
          ),
        )
      const before = await counts()
      const r = await api.call('POST', '/v1/transfers', {
        token: a.token,
        headers: { ...idem(), ...(req.headers ?? {}) },
        body: req.body,
        raw: req.raw,
      })
      expect(r.status).toBe(status)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
      expect(r.body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status,
        detail: expect.any(String),
        code: expect.any(String),
      })
      expect(await counts()).toEqual(before)
    })
  })
  it('texts after a payment give the new balance, read in the payment’s own transaction', async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const m = await api.merchant()
    await api.tdb.db('parties').where({ id: b.id }).update({ language: 'sw' })
    const sent = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: idem(),
      body: { toPhone: b.phone, amount: 150_050 },
    })
    expect(sent.status).toBe(201)
    const paid = await api.call('POST', '/v1/merchant-payments', {
      token: a.token,
      headers: idem(),
      body: { merchantCode: m.code, amount: 10_000 },
    })
    expect(paid.status).toBe(201)
    const texts = async (phone: string) =>
      (
        await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [phone]).orderBy('id').select('payload')
      ).map((r) => r.payload.message as string)
    const [, afterP2p, afterTill] = await texts(a.phone)
    expect(afterP2p).toContain('New balance KES 3,466.50.') // 5,000.00 - 1,500.50 - fee 33.00
    expect(afterTill).toContain('New balance KES 3,366.50.')
    expect((await texts(b.phone)).at(-1)).toContain('Salio jipya KES 1,500.50.')
    expect((await texts(m.phone)).at(-1)).toContain('New balance KES 100.00.')
  })
})
