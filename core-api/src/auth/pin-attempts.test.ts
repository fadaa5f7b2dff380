import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

// Every PIN the API actually checks, in the order it checks them (the real argon2 check runs).
const checked: string[] = []
vi.mock('./secrets', async (importOriginal) => {
  const real = await importOriginal<typeof import('./secrets')>()
  return {
    ...real,
    verifySecret: async (hash: string, secret: string) => {
      checked.push(secret)
      return real.verifySecret(hash, secret)
    },
  }
})

const SERVICE_SECRET = 'ussd-service-secret-for-pin-tests'
const WRONG = ['2580', '1111', '0000', '9876', '5555', '1212', '7777', '3333', '8888']

/**
 * The PINs checked in one burst are a legal sequence: at most three wrong ones after the last
 * success, and the right one only if it came before the third wrong one.
 */
function expectBounded(log: string[], right: string) {
  const at = log.indexOf(right)
  if (at === -1) expect(log.length, `checked ${log.join(',')}`).toBeLessThanOrEqual(3)
  else {
    expect(at, `the right PIN was checked after ${at} wrong ones: ${log.join(',')}`).toBeLessThanOrEqual(2)
    expect(log.length - at - 1, `checked after the success: ${log.join(',')}`).toBeLessThanOrEqual(3)
  }
}

describe.skipIf(needsDatabase)('wrong PINs sent at the same time', () => {
  let api: TestApi
  let service: string
  beforeAll(async () => {
    api = await startTestApi({ ussdServiceSecret: SERVICE_SECRET })
    service = (
      await api.call('POST', '/v1/auth/service', { body: { service: 'ussd', secret: SERVICE_SECRET } })
    ).body.accessToken
  })
  afterAll(async () => {
    await api.close()
  })
  beforeEach(() => {
    checked.length = 0
  })

  async function burst(fire: (pin: string) => Promise<{ status: number }>, right: string) {
    checked.length = 0
    const answers = await Promise.all([...WRONG.map(fire), fire(right)])
    const log = checked.filter((p) => p === right || WRONG.includes(p))
    return { statuses: answers.map((a) => a.status), log }
  }

  it('sign-in: nine wrong and the right one at once check at most three, then lock and text the owner', async () => {
    for (let round = 0; round < 3; round++) {
      const u = await api.user()
      const { statuses, log } = await burst(
        (pin) => api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin } }),
        u.pin,
      )
      expectBounded(log, u.pin)
      expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(10 - 6)
      const cred = await api.tdb.db('credentials').where({ party_id: u.id, kind: 'pin' }).first()
      expect(cred.locked_at).not.toBeNull()
      const sms = await api.tdb.db('outbox').whereRaw("payload->>'to' = ?", [u.phone]).select('payload')
      expect(sms.filter((r) => /PIN .*locked/.test(r.payload.message))).toHaveLength(1)
    }
  })

  it('USSD PIN sessions, counter cash-out and PIN change go through the same one check', async () => {
    const agent = await api.agent({ float: 1_000_000n })
    const paths: Array<
      [string, (u: { phone: string; token: string }) => (pin: string) => Promise<{ status: number }>]
    > = [
      [
        'ussd',
        (u) => (pin) =>
          api.call('POST', '/v1/ussd/sessions', { token: service, body: { phone: u.phone, pin } }),
      ],
      [
        'cash-out',
        (u) => (pin) =>
          api.call('POST', '/v1/cash-outs', {
            token: agent.token,
            headers: idem(),
            body: { customerPhone: u.phone, amount: 1_000, customerPin: pin },
          }),
      ],
      [
        'pin change',
        (u) => (pin) =>
          api.call('POST', '/v1/me/pin', { token: u.token, body: { oldPin: pin, newPin: '8642' } }),
      ],
    ]
    for (const [name, fire] of paths) {
      const u = await api.user({ balance: 100_000n })
      const { log } = await burst(fire(u), u.pin)
      expectBounded(log, u.pin)
      const cred = await api.tdb.db('credentials').where({ party_id: u.id, kind: 'pin' }).first()
      expect(cred.locked_at, name).not.toBeNull()
    }
  })

  it('the USSD PIN-session route is rate-limited like sign-in', async () => {
    const limited = await startTestApi({ ussdServiceSecret: SERVICE_SECRET, loginRateLimit: 3 })
    try {
      const token = (
        await limited.call('POST', '/v1/auth/service', { body: { service: 'ussd', secret: SERVICE_SECRET } })
      ).body.accessToken
      const phone = '+254799000001'
      const statuses: number[] = []
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await limited.call('POST', '/v1/ussd/sessions', { token, body: { phone, pin: '2580' } })).status,
        )
      expect(statuses.slice(0, 3)).toEqual([404, 404, 404])
      expect(statuses.slice(3)).toEqual([429, 429])
    } finally {
      await limited.close()
    }
  })
  it('the trivial-PIN rule holds on every path: USSD registration, PIN change, and wherever a PIN is stored', async () => {
    for (const pin of ['1234', '1111', '2580', '9876']) {
      const phone = `+2547990${String(Date.now()).slice(-5)}`
      const r = await api.call('POST', '/v1/ussd/registrations', {
        token: service,
        body: { phone, firstName: 'Weak', lastName: 'Pin', idNumber: 'A12345', pin },
      })
      expect(r.body, pin).toMatchObject({ status: 400, code: 'validation_failed' })
      expect(await api.tdb.db('parties').where({ phone }).first(), pin).toBeUndefined()
    }
    const u = await api.user()
    const change = await api.call('POST', '/v1/me/pin', {
      token: u.token,
      body: { oldPin: u.pin, newPin: '4321' },
    })
    expect(change.body).toMatchObject({ status: 400, code: 'validation_failed' })
    await expect(
      api.tdb.db.transaction((trx) => api.services.auth.setSecret(trx, u.id, 'pin', '0000')),
    ).rejects.toThrow(/PIN/)
    expect((await api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).status).toBe(
      200,
    )
  })
})
