import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, startTestApi, type TestApi } from '../testing/harness'

// The terminal's core flows on the embedded PGlite, the database `npm start` gives without
// DATABASE_URL. Its one backend belongs to a connection to the end of any open transaction, so code
// that queries the pool while holding a transaction waits forever there: every step is bounded and
// says which one stopped answering.
const STEP_MS = 15_000

async function step<T>(label: string, work: Promise<T>, ms = STEP_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${label}: no answer within ${ms} ms on the embedded database`)),
      ms,
    )
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Reads a payment request's event stream until it ends, giving up (and saying so) after `ms`. */
async function streamStatuses(url: string, token: string, ms: number, onOpen: () => Promise<void>) {
  const ctl = new AbortController()
  const timer = setTimeout(() => ctl.abort(), ms)
  const statuses: string[] = []
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: ctl.signal })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    let opened = false
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let cut
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, cut))?.[1]
        buffer = buffer.slice(cut + 2)
        if (data) statuses.push(JSON.parse(data).status)
      }
      if (!opened && statuses.length) {
        opened = true
        await onOpen()
      }
    }
    return statuses
  } catch (err) {
    if (ctl.signal.aborted)
      throw new Error(`the event stream did not end within ${ms} ms: saw ${statuses}`, { cause: err })
    throw err
  } finally {
    clearTimeout(timer)
  }
}

describe("the terminal's core flows on the embedded database", () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({}, 10, { embedded: true })
  }, 120_000)
  afterAll(async () => {
    await api?.close()
  }, 30_000)

  const secretHeader = (s: string) => ({ 'X-Terminal-Secret': s })
  const call = (label: string, ...args: Parameters<TestApi['call']>) => step(label, api.call(...args))

  it('enrols, activates, signs in, moves money at the counter and the till, reports, locks and wipes', async () => {
    const admin = await step('staff', api.staff('admin'))
    const agent = await step('agent', api.agent({ float: 2_000_000n }))
    const merchant = await step('merchant', api.merchant())
    const customer = await step('customer', api.user({ balance: 500_000n }))

    /** Staff enrol a terminal, it activates with the code, its operator signs in on it. */
    async function terminalFor(owner: object, operator: { phone: string; pin: string }) {
      const e = await call('enrol', 'POST', '/v1/admin/terminals', { token: admin.token, body: owner })
      expect(e.status).toBe(201)
      const a = await call('activate', 'POST', '/v1/terminals/activate', {
        body: { activationCode: e.body.activationCode },
      })
      expect(a.status).toBe(201)
      const id = a.body.terminalId as string
      const secret = a.body.deviceSecret as string
      const s = await call('operator sign-in', 'POST', `/v1/terminals/${id}/sessions`, {
        headers: secretHeader(secret),
        body: operator,
      })
      expect(s.status, JSON.stringify(s.body)).toBe(201)
      return { id, secret, token: s.body.accessToken as string }
    }

    // The agent's counter.
    const counter = await terminalFor(
      { agentCode: agent.code, label: 'Counter' },
      { phone: agent.phone, pin: '1470' },
    )
    const found = await call(
      'customer look-up',
      'GET',
      `/v1/agents/me/customers/lookup?phone=${encodeURIComponent(customer.phone)}`,
      { token: counter.token },
    )
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ phone: customer.phone, name: 'Test User', canTransact: true })
    const cashIn = await call('cash-in', 'POST', '/v1/cash-ins', {
      token: counter.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 100_000 },
    })
    expect(cashIn.status, JSON.stringify(cashIn.body)).toBe(201)
    expect(cashIn.body).toMatchObject({ type: 'cash_in', amount: 100_000, status: 'completed' })
    const cashOut = await call('cash-out', 'POST', '/v1/cash-outs', {
      token: counter.token,
      headers: idem(),
      body: { customerPhone: customer.phone, amount: 50_000, customerPin: customer.pin },
    })
    expect(cashOut.status, JSON.stringify(cashOut.body)).toBe(201)
    expect(cashOut.body).toMatchObject({ type: 'cash_out', amount: 50_000, status: 'completed' })
    const wallet = await call('wallet', 'GET', '/v1/me/wallet', { token: customer.token })
    expect(wallet.body.balance).toBe(500_000 + 100_000 - 50_000 - cashOut.body.fee)

    // The merchant's till: a payment request paid by the customer, its stream reaching paid.
    const till = await terminalFor(
      { tillCode: merchant.code, label: 'Till' },
      { phone: merchant.phone, pin: '3690' },
    )
    const request = await call('payment request', 'POST', '/v1/payment-requests', {
      token: till.token,
      body: { amount: 25_000 },
    })
    expect(request.status).toBe(201)
    let paid: Awaited<ReturnType<TestApi['call']>> | undefined
    const statuses = await streamStatuses(
      `${api.url}/v1/payment-requests/${request.body.id}/events`,
      till.token,
      STEP_MS,
      async () => {
        paid = await call('pay the request', 'POST', '/v1/merchant-payments', {
          token: customer.token,
          headers: idem(),
          body: { qr: request.body.qr },
        })
      },
    )
    expect(paid?.status, JSON.stringify(paid?.body)).toBe(201)
    expect(statuses).toEqual(['pending', 'paid'])

    // A card tap, then a refund of part of it.
    const card = { kind: 'nfc' as const, uid: randomBytes(7).toString('hex').toUpperCase() }
    expect((await call('card', 'POST', '/v1/me/cards', { token: customer.token, body: card })).status).toBe(
      201,
    )
    const tap = await call('card payment', 'POST', '/v1/card-payments', {
      token: till.token,
      headers: idem(),
      body: { card, pin: customer.pin, amount: 10_000 },
    })
    expect(tap.status, JSON.stringify(tap.body)).toBe(201)
    const refund = await call('refund', 'POST', '/v1/refunds', {
      token: till.token,
      headers: idem(),
      body: { paymentId: tap.body.id, amount: 4_000 },
    })
    expect(refund.status, JSON.stringify(refund.body)).toBe(201)

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: api.config.timezone }).format(new Date())
    const z = await call('Z-report', 'GET', `/v1/merchants/me/z-report?date=${today}`, { token: till.token })
    expect(z.status).toBe(200)
    expect(z.body).toMatchObject({
      sales: { count: 2, total: 35_000 },
      byMethod: { qr: { count: 1, total: 25_000 }, card: { count: 1, total: 10_000 } },
      refunds: { count: 1, total: 4_000 },
    })

    // The terminals check in; staff lock one and wipe the other.
    const checkIn = (t: { id: string; secret: string }) =>
      call('check-in', 'POST', `/v1/terminals/${t.id}/check-in`, { headers: secretHeader(t.secret) })
    const seen = await checkIn(counter)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ status: 'active', kind: 'agent', ownerCode: agent.code })
    const lock = await call('lock', 'POST', `/v1/admin/terminals/${counter.id}/lock`, { token: admin.token })
    expect(lock.status).toBe(200)
    expect(lock.body.status).toBe('locked')
    expect((await checkIn(counter)).body.status).toBe('locked')
    expect((await call('after lock', 'GET', '/v1/me/wallet', { token: counter.token })).status).toBe(401)

    const wipe = await call('wipe', 'POST', `/v1/admin/terminals/${till.id}/wipe`, { token: admin.token })
    expect(wipe.status).toBe(202)
    expect((await checkIn(till)).body.status).toBe('wipe_ordered')
    const wiped = await call('wipe confirmation', 'POST', `/v1/terminals/${till.id}/wipe-confirmation`, {
      headers: secretHeader(till.secret),
    })
    expect(wiped.status).toBe(200)
    expect(wiped.body).toEqual({ status: 'wiped' })
    expect((await checkIn(till)).status).toBe(401)

    const balance = await step('trial balance', api.trialBalance())
    expect(balance).toEqual([expect.objectContaining({ balanced: true, balancesMatchPostings: true })])
  }, 180_000)
})
