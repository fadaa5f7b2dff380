import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase } from '@gopay/core-api/testing'
import { en, sw } from './menus/texts'
import { isGsm } from './protocol/gsm'
import { render } from './protocol/screen'
import { startTestGateway, type TestGateway } from './testing'

/** mulberry32: a small seeded generator, so a failing walk can be replayed from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe.skipIf(needsDatabase)('USSD random walk', () => {
  let gw: TestGateway
  beforeAll(async () => {
    gw = await startTestGateway({ redis: true })
  })
  afterAll(async () => {
    await gw?.close()
  })

  it('thousands of hops from many phones: every screen well-formed, the ledger balanced', async () => {
    const seed = Number(process.env.USSD_WALK_SEED ?? Date.now() % 1_000_000)
    console.log(`USSD random walk seed ${seed} (USSD_WALK_SEED=${seed} replays it)`)
    const rnd = random(seed)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
    const users = await Promise.all(Array.from({ length: 12 }, () => gw.api.user({ balance: 300_000n })))
    const agent = await gw.api.agent({ float: 1_000_000n })
    const merchant = await gw.api.merchant()
    await gw.api.biller({ fee: 1_000n })
    const strangers = Array.from(
      { length: 4 },
      (_, i) => `+2547990${String(seed % 1000).padStart(3, '0')}${i}${i}`,
    )
    const inputs = (pin: string) => [
      ...['1', '2', '3', '4', '5', '6', '1', '1', '2', '0', '00', '98', '9'],
      ...['10', '50', '100.50', '5000', '0'],
      ...[
        pick(users).phone,
        `0${pick(users).phone.slice(-9)}`,
        agent.code,
        merchant.code,
        '12345678901',
        '12345678999',
      ],
      ...[pin, pin, pin, '0000', '9999'],
      ...['abc', 'x'.repeat(300), 'Ünïcødé 😀', '1*2', '', ' ', '#'],
      ...['Amina', 'Kamau', 'A1234567'],
    ]
    let hops = 0
    const problems: string[] = []
    const walkOne = async (n: number) => {
      const who = rnd() < 0.85 ? pick(users) : { phone: pick(strangers), pin: '1357' }
      const phone = gw.dial(who.phone)
      const check = (screen: string, input: string) => {
        hops++
        if (!/^(CON|END) /.test(screen) || screen.length > 182 || !isGsm(screen))
          problems.push(`session ${n} input ${JSON.stringify(input)}: ${JSON.stringify(screen)}`)
        // Something the menus did not expect, in either language.
        if ([en.failed, sw.failed].some((failed) => screen === render({ end: true, text: failed })))
          problems.push(`session ${n}: failed screen after ${JSON.stringify(input)}`)
        return screen.startsWith('END')
      }
      if (check(await phone.open(), '(open)')) return
      for (let i = 0; i < 14; i++) {
        const input = pick(inputs(who.pin))
        const screen = rnd() < 0.05 ? await phone.resend() : await phone.send(input)
        if (check(screen, input)) return
      }
    }
    const sessions = 400
    let next = 0
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < sessions) await walkOne(next++)
      }),
    )
    expect(problems).toEqual([])
    expect(hops).toBeGreaterThan(2_000)
    expect((await gw.api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
  }, 180_000)
})
