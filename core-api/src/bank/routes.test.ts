import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { signWebhook } from '../integrations/signature'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { until } from '../testing/wait'

describe.skipIf(needsDatabase)(
  'bank: deposits by webhook, payouts, float and settlement through the bank',
  () => {
    let api: TestApi
    beforeAll(async () => {
      api = await startTestApi()
    })
    afterEach(async () => {
      api.sim.clearFaults()
      expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    })
    afterAll(async () => {
      await api.close()
    })

    const wallet = async (token: string) => (await api.call('GET', '/v1/me/wallet', { token })).body
    const txStatus = async (id: string) =>
      (await api.tdb.db('transactions').where({ id }).first('status')).status
    const settled = (id: string) =>
      until(
        async () => {
          const s = await txStatus(id)
          return s !== 'pending' && s
        },
        5_000,
        `transaction ${id}`,
      )
    /** Makes every pending partner call due now, then runs the reconciliation job once. */
    const reconcile = async () => {
      await api.tdb
        .db('partner_calls')
        .where({ status: 'pending' })
        .update({ next_check_at: api.tdb.db.fn.now() })
      return api.services.partnerCalls.reconcile()
    }
    const post = (body: string, signature?: string) =>
      api.call('POST', '/v1/integrations/bank/events', {
        raw: body,
        headers: signature === undefined ? {} : { 'x-gopay-signature': signature },
      })

    it('a signed deposit credits the wallet once; a replay, a forged or a stale one credits nothing', async () => {
      const u = await api.user()
      const body = JSON.stringify({
        id: 'evt_dep_1',
        type: 'deposit',
        data: { phone: u.phone, amount: 250_000, partnerReference: 'DEP1' },
      })
      const secret = api.config.partners.bankWebhookSecret!
      const first = await post(body, signWebhook(secret, body))
      expect(first.body).toEqual({ id: 'evt_dep_1', outcome: 'credited' })
      const replay = await post(body, signWebhook(secret, body))
      expect(replay.body.outcome).toBe('duplicate')
      const forged = JSON.stringify({
        id: 'evt_dep_2',
        type: 'deposit',
        data: { phone: u.phone, amount: 9_999_999 },
      })
      expect((await post(forged, signWebhook('not-the-secret-at-all', forged))).status).toBe(401)
      expect((await post(forged)).status).toBe(401)
      const stale = signWebhook(secret, forged, Math.floor(Date.now() / 1000) - 3600)
      expect((await post(forged, stale)).body.detail).toMatch(/too old/)
      expect((await wallet(u.token)).balance).toBe(250_000)
      const unknown = JSON.stringify({
        id: 'evt_dep_3',
        type: 'deposit',
        data: { phone: '+254799999999', amount: 100 },
      })
      expect((await post(unknown, signWebhook(secret, unknown))).body.outcome).toBe('rejected_unknown_wallet')
      const sms = await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [u.phone]).select('payload')
      expect(sms.map((r) => r.payload.message)).toEqual([
        expect.stringContaining('Welcome to GoPay'),
        expect.stringContaining('KES 2,500.00 received from your bank (DEP1)'),
      ])
    })

    it('sends to a bank: held at once, posted with its fee when the bank calls back', async () => {
      const u = await api.user({ balance: 1_000_000n })
      const r = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: idem(),
        body: { accountNumber: '1234567890', amount: 400_000 },
      })
      expect(r.status).toBe(202)
      expect(r.body).toMatchObject({ type: 'bank_payout', status: 'pending', amount: 400_000, fee: 3_000 })
      expect(await settled(r.body.id)).toBe('completed')
      expect(await wallet(u.token)).toMatchObject({ balance: 597_000, available: 597_000 })
      const sms = await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [u.phone]).select('payload')
      expect(sms.at(-1)!.payload.message).toMatch(
        /KES 4,000.00 sent to bank account \*\*\*7890\. Fee KES 30.00/,
      )
    })

    it('a refusal releases the hold: nothing taken, the user told why', async () => {
      const u = await api.user({ balance: 500_000n })
      const r = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: idem(),
        body: { accountNumber: '5555000', amount: 100_000 },
      })
      expect(r.status).toBe(422)
      expect(r.body).toMatchObject({ code: 'declined', detail: expect.stringContaining('account closed') })
      expect(await wallet(u.token)).toMatchObject({ balance: 500_000, available: 500_000 })
      expect(await txStatus(r.body.transactionId)).toBe('failed')
    })

    it('a bank that never answers leaves the money held; reconciliation re-sends under the same reference and settles once', async () => {
      const u = await api.user({ balance: 500_000n })
      api.sim.fault({ target: 'bank', mode: 'timeout' })
      const key = idem()
      const r = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: key,
        body: { accountNumber: '1234567890', amount: 100_000 },
      })
      expect(r.status).toBe(202)
      expect(await wallet(u.token)).toMatchObject({ balance: 500_000, available: 397_000 })
      // The same request again: the same answer, nothing more held.
      const again = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: key,
        body: { accountNumber: '1234567890', amount: 100_000 },
      })
      expect(again.body.id).toBe(r.body.id)
      expect(api.sim.operations().filter((o) => o.reference === r.body.id)).toHaveLength(0)
      await reconcile()
      expect(await settled(r.body.id)).toBe('completed')
      expect(await wallet(u.token)).toMatchObject({ balance: 397_000, available: 397_000 })
      expect(api.sim.operations().filter((o) => o.reference === r.body.id)).toHaveLength(1)
    })

    it('a 5xx after the bank did pay, then duplicate and out-of-order callbacks: debited exactly once', async () => {
      const u = await api.user({ balance: 500_000n })
      api.sim.fault({ target: 'bank', mode: '5xx-after' })
      const r = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: idem(),
        body: { accountNumber: '1234567890', amount: 50_000 },
      })
      expect(r.status).toBe(202)
      expect(await settled(r.body.id)).toBe('completed')
      api.sim.fault({ target: 'bank', mode: 'duplicate-callback' })
      const d = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: idem(),
        body: { accountNumber: '1234567890', amount: 10_000 },
      })
      api.sim.fault({ target: 'bank', mode: 'out-of-order' })
      const o = await api.call('POST', '/v1/bank-transfers', {
        token: u.token,
        headers: idem(),
        body: { accountNumber: '1234567890', amount: 20_000 },
      })
      await settled(d.body.id)
      await settled(o.body.id)
      await until(async () => api.sim.webhooks().length >= 6, 3_000, 'callbacks')
      // Sent is not yet handled: wait for the stale "processing" event to be recorded too.
      await until(
        async () =>
          api.tdb
            .db('bank_events')
            .where({ type: 'payout.processing' })
            .whereNot({ outcome: 'received' })
            .first(),
        3_000,
        'the stale event handled',
      )
      await reconcile()
      expect(await wallet(u.token)).toMatchObject({ balance: 500_000 - 53_000 - 13_000 - 23_000 })
      const outcomes = await api.tdb
        .db('bank_events')
        .whereIn('type', ['payout.completed', 'payout.processing'])
        .pluck('outcome')
      expect(outcomes).toContain('settled')
      expect(outcomes).toContain('ignored')
      expect(api.sim.webhooks().some((w) => w.status === 200)).toBe(true)
      const entries = await api.tdb
        .db('journal_entries')
        .whereIn('transaction_id', [r.body.id, d.body.id, o.body.id])
        .count('* as n')
      expect(Number(entries[0]!.n)).toBe(3)
    })

    it('agents top up float from their bank and send it back; merchants settle their till less 0.5%', async () => {
      const agent = await api.agent({ float: 0n })
      const top = await api.call('POST', '/v1/agents/me/float/top-ups', {
        token: agent.token,
        headers: idem(),
        body: { amount: 2_000_000 },
      })
      expect(top.status).toBe(202)
      expect(await settled(top.body.id)).toBe('completed')
      const back = await api.call('POST', '/v1/agents/me/float/withdrawals', {
        token: agent.token,
        headers: idem(),
        body: { amount: 500_000 },
      })
      expect(await settled(back.body.id)).toBe('completed')
      expect((await wallet(agent.token)).balance).toBe(1_500_000)
      const tooMuch = await api.call('POST', '/v1/agents/me/float/withdrawals', {
        token: agent.token,
        headers: idem(),
        body: { amount: 1_500_001 },
      })
      expect(tooMuch.body.code).toBe('insufficient_funds')

      const merchant = await api.merchant()
      const customer = await api.user({ balance: 1_000_000n })
      const paid = await api.call('POST', '/v1/merchant-payments', {
        token: customer.token,
        headers: idem(),
        body: { merchantCode: merchant.code, amount: 201_000 },
      })
      expect(paid.status).toBe(201)
      const s = await api.call('POST', '/v1/merchants/me/settlements', {
        token: merchant.token,
        headers: idem(),
        body: {},
      })
      expect(s.body).toMatchObject({ type: 'merchant_settlement', amount: 200_000, fee: 1_000 })
      expect(await settled(s.body.id)).toBe('completed')
      expect((await api.services.ledger.balance(merchant.accountId)).balance).toBe(0n)
      const nothing = await api.call('POST', '/v1/merchants/me/settlements', {
        token: merchant.token,
        headers: idem(),
        body: {},
      })
      expect(nothing.body.detail).toMatch(/nothing to settle/i)
    })
  },
)
