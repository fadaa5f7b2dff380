import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, createServices } from '../app'
import { createLogger } from '../observability/logger'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

/** Reads a server-sent event stream until it ends (or `ms` pass), with when each event came. */
async function readEvents(url: string, token: string, ms = 8000) {
  const ctl = new AbortController()
  const timer = setTimeout(() => ctl.abort(), ms)
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: ctl.signal })
  const events: Array<{
    event: string
    data: { status: string; paidTransactionId: string | null }
    at: number
  }> = []
  const state = { ended: false }
  const done = (async () => {
    if (!res.body || res.status !== 200) return clearTimeout(timer)
    const reader = res.body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let cut
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data), at: Date.now() })
        }
      }
      state.ended = true
    } catch {
      /* aborted */
    } finally {
      clearTimeout(timer)
    }
  })()
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    events,
    done,
    get ended() {
      return state.ended
    },
  }
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

describe.skipIf(needsDatabase)("the merchant's checkout", () => {
  let api: TestApi
  let today: string
  beforeAll(async () => {
    api = await startTestApi()
    today = new Intl.DateTimeFormat('en-CA', { timeZone: api.config.timezone }).format(new Date())
  })
  afterAll(async () => {
    await api.close()
  })

  const request = (token: string, amount: number) =>
    api.call('POST', '/v1/payment-requests', { token, body: { amount } })
  const events = (token: string, id: string) =>
    readEvents(`${api.url}/v1/payment-requests/${id}/events`, token)

  describe('live status of a payment request', () => {
    it('streams pending then paid, paid through another core process, and ends', async () => {
      const m = await api.merchant()
      const u = await api.user({ balance: 100_000n })
      const r = (await request(m.token, 25_000)).body
      const stream = await events(m.token, r.id)
      expect(stream.status).toBe(200)
      expect(stream.type).toContain('text/event-stream')
      await until(() => stream.events.length > 0)
      expect(stream.events[0]).toMatchObject({ event: 'status', data: { status: 'pending' } })

      // A second core process on the same database takes the payment.
      const services = createServices(api.tdb.db, api.config)
      const other: Server = await new Promise((ok) => {
        const s = createApp({ services, config: api.config, log: createLogger('silent') }).listen(
          0,
          '127.0.0.1',
          () => ok(s),
        )
      })
      try {
        const paidAt = Date.now()
        const paid = await fetch(
          `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1/merchant-payments`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json', ...idem() },
            body: JSON.stringify({ qr: r.qr }),
          },
        )
        expect(paid.status).toBe(201)
        const tx = await paid.json()
        await stream.done
        expect(stream.ended).toBe(true)
        expect(stream.events.map((e) => e.data.status)).toEqual(['pending', 'paid'])
        expect(stream.events[1]!.data.paidTransactionId).toBe(tx.id)
        // Announced by the database (PostgreSQL passes notifications between connections), quickly.
        expect(api.services.paymentFeed.live()).toBe(true)
        expect(stream.events[1]!.at - paidAt).toBeLessThan(2500)
      } finally {
        await new Promise((ok) => other.close(ok))
        await services.paymentFeed.close()
      }
    })

    it('ends with expired when the request expires, and with cancelled when the till cancels it', async () => {
      const m = await api.merchant()
      const r = (await request(m.token, 5_000)).body
      await api.tdb
        .db('payment_requests')
        .where({ id: r.id })
        .update({ expires_at: new Date(Date.now() + 1200) })
      const expiring = await events(m.token, r.id)
      await expiring.done
      expect(expiring.events.map((e) => e.data.status)).toEqual(['pending', 'expired'])

      const c = (await request(m.token, 5_000)).body
      const cancelling = await events(m.token, c.id)
      await until(() => cancelling.events.length > 0)
      const cancel = await api.call('POST', `/v1/payment-requests/${c.id}/cancel`, { token: m.token })
      expect(cancel.status).toBe(200)
      expect(cancel.body).toMatchObject({ id: c.id, status: 'cancelled' })
      await cancelling.done
      expect(cancelling.events.map((e) => e.data.status)).toEqual(['pending', 'cancelled'])
      // A finished request answers its state once and ends.
      const after = await events(m.token, c.id)
      await after.done
      expect(after.events.map((e) => e.data.status)).toEqual(['cancelled'])
    })

    it("refuses others' requests, unknown ones and non-merchants; a paid request cannot be cancelled", async () => {
      const m = await api.merchant()
      const other = await api.merchant()
      const u = await api.user({ balance: 100_000n })
      const r = (await request(m.token, 1_000)).body
      expect(
        (await api.call('GET', `/v1/payment-requests/${r.id}/events`, { token: other.token })).status,
      ).toBe(404)
      expect((await api.call('GET', `/v1/payment-requests/${r.id}/events`, { token: u.token })).status).toBe(
        403,
      )
      expect(
        (await api.call('POST', `/v1/payment-requests/${r.id}/cancel`, { token: other.token })).status,
      ).toBe(404)
      expect((await api.call('POST', `/v1/payment-requests/${r.id}/cancel`, { token: u.token })).status).toBe(
        403,
      )
      await api.call('POST', '/v1/merchant-payments', { token: u.token, headers: idem(), body: { qr: r.qr } })
      const late = await api.call('POST', `/v1/payment-requests/${r.id}/cancel`, { token: m.token })
      expect(late.status).toBe(409)
      expect(late.body).toMatchObject({ code: 'duplicate', requestStatus: 'paid' })
    })
  })

  describe('card sales', () => {
    const uid = () => randomBytes(7).toString('hex').toUpperCase()
    async function cardHolder(balance = 100_000n) {
      const u = await api.user({ balance })
      const card = { kind: 'nfc' as const, uid: uid() }
      expect((await api.call('POST', '/v1/me/cards', { token: u.token, body: card })).status).toBe(201)
      return { ...u, card }
    }
    const pay = (token: string, body: object, headers: Record<string, string> = idem()) =>
      api.call('POST', '/v1/card-payments', { token, headers, body })

    it("pays the till from the holder's wallet with the holder's PIN, once per key", async () => {
      const m = await api.merchant()
      const h = await cardHolder()
      const headers = idem()
      const body = { card: h.card, pin: h.pin, amount: 12_000 }
      const r = await pay(m.token, body, headers)
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({
        type: 'merchant_payment',
        status: 'completed',
        direction: 'in',
        amount: 12_000,
        method: 'card',
        reference: r.body.id.slice(0, 8).toUpperCase(),
        counterparty: { name: 'Test User', phone: expect.stringContaining('*') },
      })
      const again = await pay(m.token, body, headers)
      expect(again.status).toBe(201)
      expect(again.body).toEqual(r.body)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      const wallet = await api.call('GET', '/v1/me/wallet', { token: h.token })
      expect(wallet.body.balance).toBe(100_000 - 12_000 - r.body.fee)
      const till = await api.call('GET', '/v1/me/wallet', { token: m.token })
      expect(till.body.balance).toBe(12_000)
      expect(await api.trialBalance()).toEqual([
        expect.objectContaining({ balanced: true, balancesMatchPostings: true }),
      ])
      const u = await api.user()
      expect((await pay(u.token, body)).status).toBe(403)
      expect((await pay(m.token, body, {})).status).toBe(400)
    })

    it('counts wrong PINs like every PIN, and refuses unknown or blocked cards and short wallets', async () => {
      const m = await api.merchant()
      const h = await cardHolder(10_000n)
      const wrong = await pay(m.token, { card: h.card, pin: '9999', amount: 1_000 })
      expect(wrong.status).toBe(401)
      expect(wrong.body).toMatchObject({ code: 'invalid_pin', remainingAttempts: 2 })
      expect(
        (await pay(m.token, { card: { kind: 'nfc', uid: uid() }, pin: h.pin, amount: 1_000 })).status,
      ).toBe(404)
      const short = await pay(m.token, { card: h.card, pin: h.pin, amount: 50_000 })
      expect(short.status).toBe(422)
      expect(short.body.code).toBe('insufficient_funds')
      await pay(m.token, { card: h.card, pin: '9999', amount: 1_000 })
      await pay(m.token, { card: h.card, pin: '9999', amount: 1_000 })
      const locked = await pay(m.token, { card: h.card, pin: '9999', amount: 1_000 })
      expect(locked.status).toBe(423)
      // The same lock as everywhere: the holder's own sign-in is locked too.
      expect(
        (await api.call('POST', '/v1/auth/login', { body: { phone: h.phone, pin: h.pin } })).status,
      ).toBe(423)

      const b = await cardHolder()
      const cardId = (await api.call('GET', '/v1/me/cards', { token: b.token })).body.items[0].id
      await api.call('POST', `/v1/me/cards/${cardId}/block`, { token: b.token })
      const blocked = await pay(m.token, { card: b.card, pin: b.pin, amount: 1_000 })
      expect(blocked.status).toBe(423)
      expect(
        (await pay(m.token, { card: { kind: 'nfc', uid: 'zz' }, pin: b.pin, amount: 1_000 })).body.code,
      ).toBe('validation_failed')
    })

    it('pays a payment request: exactly one of two racing card payments wins, and the amount must match', async () => {
      const m = await api.merchant()
      const a = await cardHolder()
      const b = await cardHolder()
      const r = (await request(m.token, 7_000)).body
      expect(
        (await pay(m.token, { card: a.card, pin: a.pin, amount: 6_000, paymentRequestId: r.id })).status,
      ).toBe(400)
      const stream = await events(m.token, r.id)
      const tries = await Promise.all([
        pay(m.token, { card: a.card, pin: a.pin, amount: 7_000, paymentRequestId: r.id }),
        pay(m.token, { card: b.card, pin: b.pin, amount: 7_000, paymentRequestId: r.id }),
      ])
      expect(tries.map((t) => t.status).sort()).toEqual([201, 409])
      const won = tries.find((t) => t.status === 201)!
      await stream.done
      expect(stream.events.at(-1)!.data).toMatchObject({ status: 'paid', paidTransactionId: won.body.id })
      const till = await api.call('GET', '/v1/me/wallet', { token: m.token })
      expect(till.body.balance).toBe(7_000)
    })
  })

  it('a cancel racing a card payment of one request: exactly one of them happens', async () => {
    const m = await api.merchant()
    const x = await api.user({ balance: 100_000n })
    const card = { kind: 'nfc' as const, uid: randomBytes(7).toString('hex') }
    await api.call('POST', '/v1/me/cards', { token: x.token, body: card })
    for (let i = 0; i < 3; i++) {
      const r = (await request(m.token, 1_000)).body
      const [paid, cancelled] = await Promise.all([
        api.call('POST', '/v1/card-payments', {
          token: m.token,
          headers: idem(),
          body: { card, pin: x.pin, amount: 1_000, paymentRequestId: r.id },
        }),
        api.call('POST', `/v1/payment-requests/${r.id}/cancel`, { token: m.token }),
      ])
      expect([paid.status, cancelled.status].sort()).toEqual(paid.status === 201 ? [201, 409] : [200, 409])
      const final = (await api.call('GET', `/v1/payment-requests/${r.id}`, { token: m.token })).body.status
      expect(final).toBe(paid.status === 201 ? 'paid' : 'cancelled')
    }
    const till = await api.call('GET', '/v1/me/wallet', { token: m.token })
    const sales = await api.call('GET', `/v1/merchants/me/sales?date=${today}`, { token: m.token })
    expect(till.body.balance).toBe(sales.body.items.length * 1_000)
  })

  it("lists the day's sales with their refunds, and the Z-report adds them up by method", async () => {
    const m = await api.merchant()
    const u = await api.user({ balance: 500_000n })
    const h = await (async () => {
      const x = await api.user({ balance: 100_000n })
      const card = { kind: 'nfc' as const, uid: randomBytes(7).toString('hex') }
      await api.call('POST', '/v1/me/cards', { token: x.token, body: card })
      return { ...x, card }
    })()
    const r = (await request(m.token, 30_000)).body
    const qr = await api.call('POST', '/v1/merchant-payments', {
      token: u.token,
      headers: idem(),
      body: { qr: r.qr },
    })
    const code = await api.call('POST', '/v1/merchant-payments', {
      token: u.token,
      headers: idem(),
      body: { merchantCode: m.code, amount: 20_000 },
    })
    const card = await api.call('POST', '/v1/card-payments', {
      token: m.token,
      headers: idem(),
      body: { card: h.card, pin: h.pin, amount: 10_000 },
    })
    expect([qr.status, code.status, card.status]).toEqual([201, 201, 201])
    const refund = await api.call('POST', '/v1/refunds', {
      token: m.token,
      headers: idem(),
      body: { paymentId: code.body.id, amount: 5_000 },
    })
    expect(refund.status).toBe(201)
    expect(refund.body.reference).toBe(refund.body.id.slice(0, 8).toUpperCase())

    const page = await api.call('GET', `/v1/merchants/me/sales?date=${today}&limit=2`, { token: m.token })
    expect(page.status).toBe(200)
    expect(page.body.items).toEqual([
      expect.objectContaining({
        id: card.body.id,
        method: 'card',
        amount: 10_000,
        refunded: 0,
        refundable: 10_000,
      }),
      expect.objectContaining({
        id: code.body.id,
        method: 'code',
        amount: 20_000,
        refunded: 5_000,
        refundable: 15_000,
      }),
    ])
    const rest = await api.call(
      'GET',
      `/v1/merchants/me/sales?date=${today}&cursor=${page.body.nextCursor}`,
      {
        token: m.token,
      },
    )
    expect(rest.body.items).toEqual([
      expect.objectContaining({ id: qr.body.id, method: 'qr', payer: expect.any(Object) }),
    ])
    expect(rest.body.nextCursor).toBeNull()

    const z = await api.call('GET', `/v1/merchants/me/z-report?date=${today}`, { token: m.token })
    expect(z.status).toBe(200)
    expect(z.body).toMatchObject({
      date: today,
      currency: 'KES',
      sales: { count: 3, total: 60_000 },
      byMethod: {
        qr: { count: 1, total: 30_000 },
        code: { count: 1, total: 20_000 },
        card: { count: 1, total: 10_000 },
      },
      refunds: { count: 1, total: 5_000 },
      fees: 0,
      net: 55_000,
      settlements: { count: 0, total: 0 },
    })
    const empty = await api.call('GET', '/v1/merchants/me/z-report?date=2020-01-01', { token: m.token })
    expect(empty.body).toMatchObject({ sales: { count: 0, total: 0 }, net: 0 })
    expect(
      (await api.call('GET', `/v1/merchants/me/z-report?date=${today}`, { token: u.token })).status,
    ).toBe(403)
    expect((await api.call('GET', `/v1/merchants/me/sales?date=yesterday`, { token: m.token })).status).toBe(
      400,
    )
  })
})
