import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { until } from '../testing/wait'

describe.skipIf(needsDatabase)(
  'bills and airtime: validated with the partner, held, posted on its receipt',
  () => {
    let api: TestApi
    let power: { id: string; code: string; accountId: bigint }
    beforeAll(async () => {
      api = await startTestApi()
      power = await api.biller({ fee: 1_500n })
    })
    afterEach(async () => {
      api.sim.clearFaults()
      expect((await api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    })
    afterAll(async () => {
      await api.close()
    })

    const wallet = async (token: string) => (await api.call('GET', '/v1/me/wallet', { token })).body
    const sms = async (phone: string) =>
      (
        await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [phone]).orderBy('id').select('payload')
      ).map((r) => r.payload.message as string)
    const pay = (token: string, body: object, headers = idem()) =>
      api.call('POST', '/v1/bill-payments', { token, headers, body })

    it('checks the account with the biller and shows the holder’s name before paying', async () => {
      const u = await api.user()
      const ok = await api.call('GET', '/v1/billers/POWER/accounts/12345678901', { token: u.token })
      expect(ok.body).toMatchObject({ billerCode: 'POWER', customerName: expect.any(String), fee: 1_500 })
      expect(
        (await api.call('GET', '/v1/billers/POWER/accounts/12345678999', { token: u.token })).status,
      ).toBe(404)
      expect((await api.call('GET', '/v1/billers/POWER/accounts/123', { token: u.token })).body.code).toBe(
        'validation_failed',
      )
      expect(
        (await api.call('GET', '/v1/billers/NOPE/accounts/12345678901', { token: u.token })).status,
      ).toBe(404)
      const list = await api.call('GET', '/v1/billers', { token: u.token })
      expect(list.body.items.map((b: { code: string }) => b.code)).toContain('POWER')
      api.sim.fault({ target: 'biller', mode: 'timeout' })
      expect(
        (await api.call('GET', '/v1/billers/POWER/accounts/12345678901', { token: u.token })).status,
      ).toBe(503)
    })

    it('pays a prepaid power bill: the token comes back and goes by SMS even to someone who turned SMS off', async () => {
      const u = await api.user({ balance: 1_000_000n })
      await api.tdb.db('parties').where({ id: u.id }).update({ notify_by_sms: false, language: 'sw' })
      const r = await pay(u.token, { billerCode: 'POWER', accountNumber: '12345678901', amount: 200_000 })
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({
        type: 'bill_payment',
        status: 'completed',
        amount: 200_000,
        fee: 1_500,
        token: expect.stringMatching(/^\d{4}(-\d{4}){4}$/),
      })
      expect(await wallet(u.token)).toMatchObject({ balance: 798_500, available: 798_500 })
      expect((await api.services.ledger.balance(power.accountId)).balance).toBeGreaterThanOrEqual(200_000n)
      const texts = await sms(u.phone)
      expect(texts).toEqual([
        expect.stringContaining('Welcome to GoPay'),
        expect.stringContaining(`Tokeni: ${r.body.token}`),
      ])
      const inApp = await api.call('GET', '/v1/me/notifications', { token: u.token })
      expect(inApp.body.items[0]).toMatchObject({ kind: 'bill_paid', read: false })
      expect(inApp.body.items[1]).toMatchObject({ kind: 'welcome' })
      expect(inApp.body.unread).toBe(2)
    })

    it('a declined bill takes nothing; one pending at the biller settles by reconciliation; a 5xx is never a double payment', async () => {
      const u = await api.user({ balance: 1_000_000n })
      api.sim.fault({ target: 'biller', mode: 'decline' })
      const no = await pay(u.token, { billerCode: 'POWER', accountNumber: '12345678901', amount: 10_000 })
      expect(no.status).toBe(422)
      expect(no.body.code).toBe('declined')
      expect(await wallet(u.token)).toMatchObject({ balance: 1_000_000, available: 1_000_000 })

      api.sim.fault({ target: 'biller', mode: 'pending' })
      const later = await pay(u.token, { billerCode: 'POWER', accountNumber: '12345678901', amount: 10_000 })
      expect(later.status).toBe(202)
      expect(await wallet(u.token)).toMatchObject({ balance: 1_000_000, available: 988_500 })

      api.sim.fault({ target: 'biller', mode: '5xx-after' })
      const key = idem()
      const lost = await pay(
        u.token,
        { billerCode: 'POWER', accountNumber: '12345678901', amount: 20_000 },
        key,
      )
      expect(lost.status).toBe(202)
      await new Promise((r) => setTimeout(r, 100))
      await api.tdb
        .db('partner_calls')
        .where({ status: 'pending' })
        .update({ next_check_at: api.tdb.db.fn.now() })
      expect(await api.services.partnerCalls.reconcile()).toEqual({ checked: 2, settled: 2 })
      const replay = await pay(
        u.token,
        { billerCode: 'POWER', accountNumber: '12345678901', amount: 20_000 },
        key,
      )
      expect(replay.body.id).toBe(lost.body.id)
      expect(await wallet(u.token)).toMatchObject({
        balance: 1_000_000 - 11_500 - 21_500,
        available: 1_000_000 - 11_500 - 21_500,
      })
      expect(api.sim.operations().filter((o) => o.reference === lost.body.id)).toHaveLength(1)
    })

    it('keeps to tier limits and balances, and checks the account format', async () => {
      const u = await api.user({ balance: 2_000_000n, tier: 0 })
      const over = await pay(u.token, {
        billerCode: 'POWER',
        accountNumber: '12345678901',
        amount: 1_500_000,
      })
      expect(over.body.code).toBe('limit_exceeded')
      const poor = await api.user({ balance: 1_000n })
      expect(
        (await pay(poor.token, { billerCode: 'POWER', accountNumber: '12345678901', amount: 1_000 })).body
          .code,
      ).toBe('insufficient_funds')
      expect(
        (await pay(poor.token, { billerCode: 'POWER', accountNumber: 'ABC', amount: 1_000 })).body.code,
      ).toBe('validation_failed')
      expect(await api.tdb.db('transactions').where({ payer_party_id: poor.id }).count('* as n')).toEqual([
        { n: 0n },
      ])
    })

    it('airtime for my number and another; a refusal takes nothing', async () => {
      const u = await api.user({ balance: 100_000n })
      const mine = await api.call('POST', '/v1/airtime', {
        token: u.token,
        headers: idem(),
        body: { amount: 5_000 },
      })
      expect(mine.status).toBe(201)
      const friend = '+254700111222'
      const theirs = await api.call('POST', '/v1/airtime', {
        token: u.token,
        headers: idem(),
        body: { phone: friend, amount: 10_000 },
      })
      expect(theirs.body).toMatchObject({ status: 'completed', amount: 10_000 })
      await until(async () => (await sms(friend)).length > 0)
      expect((await sms(friend))[0]).toMatch(/You received KES 100.00 airtime from Test User/)
      api.sim.fault({ target: 'airtime', mode: 'decline' })
      const no = await api.call('POST', '/v1/airtime', {
        token: u.token,
        headers: idem(),
        body: { amount: 5_000 },
      })
      expect(no.body.code).toBe('declined')
      expect(await wallet(u.token)).toMatchObject({ balance: 85_000, available: 85_000 })
    })
  },
)
