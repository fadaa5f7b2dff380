import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pino } from 'pino'
import { needsDatabase } from '@gopay/core-api/testing'
import type { CoreAnswer, CoreClient } from './core/client'
import { en } from './menus/texts'
import { isGsm } from './protocol/gsm'
import { startTestGateway, type TestGateway } from './testing'

/** What the next core answers become: the call number (0 = the first of the session) and the answer. */
type Twist = { call: number; answer: (real: CoreAnswer) => CoreAnswer }
interface Call {
  method: string
  path: string
  status: number
  twisted: boolean
}

const moneyPaths = [
  '/v1/transfers',
  '/v1/withdrawals',
  '/v1/airtime',
  '/v1/bill-payments',
  '/v1/merchant-payments',
]

describe.skipIf(needsDatabase)('USSD: core answers the menus did not expect', () => {
  let gw: TestGateway
  let twist: Twist | null = null
  let calls: Call[] = []
  const logged: Array<{ level: number; msg: string }> = []

  /** The real core, except for the one answer the current twist replaces. */
  const twisting = (real: CoreClient): CoreClient => {
    const pass = async (method: string, path: string, call: () => Promise<CoreAnswer>) => {
      const r = await call()
      const twisted = twist?.call === calls.length
      const answer = twisted ? twist!.answer(r) : r
      calls.push({ method, path, status: answer.status, twisted })
      return answer
    }
    return {
      service: (method, path, body) => pass(method, path, () => real.service(method, path, body)),
      asUser: (token, method, path, body, key) =>
        pass(method, path, () => real.asUser(token, method, path, body, key)),
    }
  }

  beforeAll(async () => {
    const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) })
    gw = await startTestGateway({ core: twisting, log })
  })
  afterAll(async () => {
    await gw?.close()
  })

  const balanceOf = async (token: string) =>
    (await gw.api.call('GET', '/v1/me/wallet', { token })).body.balance as number
  const walk = async (phone: string, inputs: string[]) => {
    const p = gw.dial(phone)
    const screens = [await p.open()]
    for (const i of inputs) {
      if (screens.at(-1)!.startsWith('END')) break
      screens.push(await p.send(i))
    }
    return screens
  }
  const crashes = () => logged.filter((l) => l.level >= 50)

  it('a biller check without the biller name or fee ends with a plain sentence, nothing crashes', async () => {
    const u = await gw.api.user({ balance: 100_000n })
    await gw.api.biller()
    calls = []
    // The calls: subscriber (0), billers (1), then the account check (2).
    twist = {
      call: 2,
      answer: (r) => ({ status: 200, body: { ...r.body, billerName: undefined, fee: undefined } }),
    }
    const screens = await walk(u.phone, ['4', '1', '12345678901'])
    twist = null
    expect(calls[2]).toMatchObject({ path: expect.stringMatching(/^\/v1\/billers\/.+\/accounts\//) })
    expect(screens.at(-1)).toBe(`END ${en.unavailable}`)
    expect(crashes()).toEqual([])
  })

  it('a payment answered with something unreadable is "not confirmed", never "nothing was taken"', async () => {
    const amina = await gw.api.user({ balance: 100_000n })
    const baraka = await gw.api.user()
    calls = []
    // The calls: subscriber (0), recipient (1), fee (2), PIN (3), then the transfer (4).
    twist = { call: 4, answer: () => ({ status: 201, body: { surprise: true } }) }
    const screens = await walk(amina.phone, ['1', baraka.phone, '100', '1', amina.pin])
    twist = null
    expect(calls[4]).toMatchObject({ method: 'POST', path: '/v1/transfers', twisted: true })
    expect(screens.at(-1)).toBe(`END ${en.unconfirmed}`)
    expect(await balanceOf(baraka.token)).toBe(10_000) // it did move: saying otherwise would be false
    expect(crashes()).toEqual([])
  })

  it('whatever one core answer becomes, on any journey: a well-formed screen and no crash', async () => {
    const u = await gw.api.user({ balance: 5_000_000n })
    const v = await gw.api.user()
    const agent = await gw.api.agent({ float: 1_000_000n })
    const m = await gw.api.merchant()
    await gw.api.biller()
    const journeys = [
      ['1', v.phone, '10', '1', u.pin],
      ['2', agent.code, '10', '1', u.pin],
      ['3', '1', '10', u.pin],
      ['4', '1', '12345678901', '10', '1', u.pin],
      ['5', m.code, '10', '1', u.pin],
      ['6', '1', u.pin],
      ['6', '2', u.pin],
      ['6', '6', u.pin],
    ]
    const statuses = [200, 201, 202, 204, 400, 401, 404, 409, 422, 423, 429, 500, 503]
    const body = fc.oneof(
      fc.jsonValue().map((junk) => () => junk),
      fc.string({ maxLength: 12 }).map((key) => (real: unknown) => {
        // The real answer with one field gone (the first when the key names none).
        if (!real || typeof real !== 'object') return real
        const keys = Object.keys(real)
        const drop = keys.includes(key) ? key : keys[0]
        return Object.fromEntries(Object.entries(real).filter(([k]) => k !== drop))
      }),
      fc
        .jsonValue()
        .map(
          (junk) => (real: unknown) =>
            real && typeof real === 'object'
              ? Object.fromEntries(Object.entries(real).map(([k, v], i) => [k, i === 0 ? junk : v]))
              : junk,
        ),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...journeys),
        fc.nat({ max: 7 }),
        fc.option(fc.constantFrom(...statuses), { nil: undefined }),
        body,
        async (journey, call, status, reshape) => {
          calls = []
          twist = { call, answer: (r) => ({ status: status ?? r.status, body: reshape(r.body) }) }
          const screens = await walk(u.phone, journey)
          twist = null
          for (const s of screens) {
            expect(s).toMatch(/^(CON|END) /)
            expect(s.length).toBeLessThanOrEqual(182)
            expect(isGsm(s)).toBe(true)
          }
          const bent = calls.find((c) => c.twisted)
          if (bent && moneyPaths.includes(bent.path) && bent.status < 300)
            expect(screens.at(-1)).not.toContain('Nothing was taken')
          expect(crashes()).toEqual([])
        },
      ),
      { numRuns: 120 },
    )
    expect((await gw.api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
  }, 120_000)
})
