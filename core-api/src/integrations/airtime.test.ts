import nock from 'nock'
import { afterEach, describe, expect, it } from 'vitest'
import { africasTalkingAirtime, atAmount } from './airtime'

// The real adapter against Africa's Talking's HTTP, intercepted (its SDK has fixed hosts).
describe("Africa's Talking airtime adapter", () => {
  afterEach(() => nock.cleanAll())
  const gateway = () => africasTalkingAirtime({ apiKey: 'test-key', username: 'gopay', timeoutMs: 1_000 })

  it('sends our reference as the idempotency key and maps a sent top-up', async () => {
    let seen: { key?: string; body?: string } = {}
    nock('https://api.africastalking.com')
      .post('/version1/airtime/send')
      .reply(function (_uri, body) {
        seen = { key: this.req.headers['idempotency-key'] as string, body: String(body) }
        return [
          201,
          {
            errorMessage: 'None',
            responses: [
              { phoneNumber: '+254711000001', status: 'Sent', requestId: 'ATQid_1', errorMessage: 'None' },
            ],
          },
        ]
      })
    const r = await gateway().send({
      reference: 'ref-123',
      phone: '+254711000001',
      amount: 15_050n,
      currency: 'KES',
    })
    expect(r).toEqual({ status: 'completed', partnerReference: 'ATQid_1', details: {} })
    expect(seen.key).toBe('ref-123')
    expect(new URLSearchParams(seen.body!).get('recipients')).toContain('"amount":"KES 150.5"')
  })

  it('maps a refusal and an unreachable provider', async () => {
    nock('https://api.africastalking.com')
      .post('/version1/airtime/send')
      .reply(201, {
        errorMessage: 'None',
        responses: [{ phoneNumber: '+254711000001', status: 'Failed', errorMessage: 'Invalid phone number' }],
      })
    expect(
      await gateway().send({ reference: 'r2', phone: '+254711000001', amount: 1_000n, currency: 'KES' }),
    ).toEqual({
      status: 'failed',
      reason: 'Invalid phone number',
    })
    nock('https://api.africastalking.com')
      .post('/version1/airtime/send')
      .replyWithError('connect ECONNREFUSED')
    expect(
      (await gateway().send({ reference: 'r3', phone: '+254711000001', amount: 1_000n, currency: 'KES' }))
        .status,
    ).toBe('unreachable')
  })

  it('gives the SDK its amount as a number of shillings', () => {
    expect(atAmount(15_050n)).toBe(150.5)
    expect(atAmount(100n)).toBe(1)
  })
})
