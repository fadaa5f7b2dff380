import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { seedDemo } from './seed'

describe.skipIf(needsDatabase)('the demo data', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({ ussdServiceSecret: 'ussd-service-secret-for-the-demo-test' })
    expect(await seedDemo(api.services, api.config)).toBe(true)
  })
  afterAll(async () => {
    await api.close()
  })

  it('numbers the agent and the till in digits, and still takes AG001 and MC001 for them', async () => {
    expect(await api.tdb.db('agents').first('code', 'alias')).toEqual({ code: '200001', alias: 'AG001' })
    expect(await api.tdb.db('merchants').first('code', 'alias')).toEqual({ code: '500001', alias: 'MC001' })
    const service = (
      await api.call('POST', '/v1/auth/service', {
        body: { service: 'ussd', secret: 'ussd-service-secret-for-the-demo-test' },
      })
    ).body.accessToken
    for (const ref of ['500001', 'MC001'])
      expect((await api.call('GET', `/v1/ussd/payees/merchant/${ref}`, { token: service })).body).toEqual({
        name: 'Duka La Jamii',
      })
    for (const ref of ['200001', 'AG001'])
      expect((await api.call('GET', `/v1/ussd/payees/agent/${ref}`, { token: service })).body).toEqual({
        name: 'Mama Mboga Agency',
      })
    const amina = (
      await api.call('POST', '/v1/auth/login', { body: { phone: '+254711000001', pin: '1357' } })
    ).body.accessToken
    for (const merchantCode of ['500001', 'MC001']) {
      const r = await api.call('POST', '/v1/merchant-payments', {
        token: amina,
        headers: idem(),
        body: { merchantCode, amount: 1_000 },
      })
      expect(r.status, merchantCode).toBe(201)
    }
    const texts = await api.tdb.db('outbox').whereRaw("payload->>'to' = '+254711000001'").select('payload')
    expect(texts.filter((t) => t.payload.message.includes('(500001)'))).toHaveLength(2)
    const withdrawal = await api.call('POST', '/v1/withdrawals', {
      token: amina,
      headers: idem(),
      body: { agentCode: 'AG001', amount: 10_000 },
    })
    expect(withdrawal.body).toMatchObject({ agentCode: '200001' })
    // Digits only from now on: a letter code cannot be stored as a number.
    await expect(api.tdb.db('merchants').update({ code: 'MC002' }).where({ code: '500001' })).rejects.toThrow(
      /merchants_number_digits/,
    )
  })
})
