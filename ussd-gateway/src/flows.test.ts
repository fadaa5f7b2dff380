import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase } from '@gopay/core-api/testing'
import { isGsm } from './protocol/gsm'
import { startTestGateway, type TestGateway } from './testing'

/** Every screen: CON or END, at most 182 characters, GSM only. */
function wellFormed(screen: string) {
  expect(screen).toMatch(/^(CON|END) /)
  expect(screen.length).toBeLessThanOrEqual(182)
  expect(isGsm(screen)).toBe(true)
  return screen
}

describe.skipIf(needsDatabase)('USSD: every menu against the real core API', () => {
  let gw: TestGateway
  beforeAll(async () => {
    gw = await startTestGateway({ redis: true })
  })
  afterAll(async () => {
    expect((await gw.api.trialBalance()).every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
    await gw?.close()
  })

  const balanceOf = async (token: string) =>
    (await gw.api.call('GET', '/v1/me/wallet', { token })).body.balance as number
  /** Walks a session through inputs, checking every screen; answers the screens. */
  const walk = async (phone: string, inputs: string[]) => {
    const p = gw.dial(phone)
    const screens = [wellFormed(await p.open())]
    for (const i of inputs) screens.push(wellFormed(await p.send(i)))
    return { p, screens, last: screens[screens.length - 1]! }
  }

  it('registers an unknown number without an OTP, then shows the main menu in order', async () => {
    const phone = '+254799100001'
    const r = await walk(phone, ['1', 'Wanjirũ', 'Kamau', 'A1234567', '1357', '1357'])
    expect(r.screens[0]).toMatch(/^CON Welcome to GoPay/)
    expect(r.last).toMatch(/^END Welcome to GoPay, Wanjiru!/)
    const again = await walk(phone, [])
    expect(again.last).toBe(
      'CON GoPay - Hi Wanjirũ\n1 Send money\n2 Withdraw cash\n3 Buy airtime\n4 Pay bill\n5 Pay merchant\n6 My account'.replace(
        'ũ',
        'u',
      ),
    )
    const weak = await walk('+254799100002', ['1', 'Ann', 'Bee', 'B1234567', '1111', '1111'])
    expect(weak.last).toMatch(/^CON That PIN is too easy to guess/)
  })

  it('sends money: recipient name and fee before the PIN, END with the reference; a resent hop pays once', async () => {
    const amina = await gw.api.user({ balance: 1_000_000n })
    const baraka = await gw.api.user()
    const r = await walk(amina.phone, ['1', baraka.phone.slice(1), '500'])
    expect(r.last).toMatch(
      /^CON Send KES 500.00 to Test U\. \+254\d+\*\*\*\d{3}\nFee KES \d+\.\d\d\n1 Confirm\n0 Back$/,
    )
    const fee = Number(/Fee KES (\d+)\.(\d\d)/.exec(r.last)!.slice(1).join(''))
    expect(wellFormed(await r.p.send('1'))).toMatch(/Send money\nEnter your PIN$/)
    const done = wellFormed(await r.p.send(amina.pin))
    expect(done).toMatch(/^END Sent KES 500.00 to Test U\. .*Ref [0-9A-F]{8}/)
    expect(await r.p.resend()).toBe(done)
    expect(await balanceOf(amina.token)).toBe(1_000_000 - 50_000 - fee)
    expect(await balanceOf(baraka.token)).toBe(50_000)
  })

  it('sending to your own number is refused at the recipient, before the PIN, in plain words', async () => {
    const amina = await gw.api.user({ balance: 100_000n })
    const r = await walk(amina.phone, ['1', amina.phone])
    expect(r.last).toBe('CON You cannot send money to your own number.\nEnter the phone number')
    expect(await balanceOf(amina.token)).toBe(100_000)
  })

  it('a number registered from another session meanwhile is told so, not "Sorry"', async () => {
    const phone = '+254799100003'
    const first = gw.dial(phone)
    const second = gw.dial(phone)
    expect(await first.open()).toMatch(/^CON Welcome to GoPay/)
    expect(await second.open()).toMatch(/^CON Welcome to GoPay/)
    for (const i of ['1', 'Ann', 'Bee', 'B1234567', '4826']) {
      await first.send(i)
      await second.send(i)
    }
    expect(await first.send('4826')).toMatch(/^END Welcome to GoPay, Ann!/)
    expect(wellFormed(await second.send('4826'))).toBe(
      'END This number is already registered. Dial again to use GoPay.',
    )
  })

  it('two sessions whose ids differ only in characters a key cannot carry both pay', async () => {
    const amina = await gw.api.user({ balance: 1_000_000n })
    const baraka = await gw.api.user()
    const run = Math.random().toString(36).slice(2, 8)
    for (const sessionId of [`ATUid_${run} x`, `ATUid_${run}_x`]) {
      const p = gw.dial(amina.phone, sessionId)
      await p.open()
      for (const i of ['1', baraka.phone, '100', '1']) await p.send(i)
      expect(await p.send(amina.pin)).toMatch(/^END Sent KES 100.00/)
    }
    expect(await balanceOf(baraka.token)).toBe(20_000)
  })

  it('session ids are taken whole: two long ids alike in their first 100 characters are two sessions', async () => {
    const amina = await gw.api.user()
    const baraka = await gw.api.user()
    const stem = `ATUid_${'7'.repeat(100)}`
    const first = gw.dial(amina.phone, `${stem}-a`)
    expect(await first.open()).toMatch(/^CON GoPay - Hi Test/)
    await first.send('6')
    const second = gw.dial(baraka.phone, `${stem}-b`)
    expect(await second.open()).toMatch(/^CON GoPay - Hi Test\n1 Send money/)
    // Another phone posting the same id and text reads nothing of the first.
    const intruder = await gw.post({ sessionId: `${stem}-a`, phoneNumber: baraka.phone, text: '6' })
    expect(intruder.body).toBe('END Your session has ended. Please dial again.')
    const tooLong = gw.dial(amina.phone, `ATUid_${'8'.repeat(300)}`)
    expect(await tooLong.open()).toMatch(/^END /)
  })

  it('withdraws at an agent, buys airtime, pays a bill and a merchant: balances to the unit', async () => {
    const u = await gw.api.user({ balance: 2_000_000n })
    const agent = await gw.api.agent({ float: 0n })
    const w = await walk(u.phone, ['2', agent.code, '1000'])
    expect(w.last).toMatch(/^CON Withdraw KES 1,000.00 at Test Agency\nFee KES 29.00/)
    await w.p.send('1')
    expect(wellFormed(await w.p.send(u.pin))).toMatch(/^END Collect KES 1,000.00 cash from Test Agency\. Ref/)
    expect(await balanceOf(u.token)).toBe(2_000_000 - 100_000 - 2_900)

    const a = await walk(u.phone, ['3', '1', '50'])
    expect(a.last).toMatch(/Buy airtime KES 50.00 .*\nEnter your PIN/)
    expect(wellFormed(await a.p.send(u.pin))).toMatch(/^END Airtime of KES 50.00 sent to/)

    await gw.api.biller({ fee: 1_500n })
    const b = await walk(u.phone, ['4'])
    expect(b.last).toMatch(/^CON Pay bill - choose\n1 Biller POWER/)
    await b.p.send('1')
    const named = wellFormed(await b.p.send('12345678901'))
    expect(named).toMatch(/^CON Account holder: [A-Za-z' ]+\nEnter amount/)
    const confirm = wellFormed(await b.p.send('200'))
    expect(confirm).toMatch(/Pay KES 200.00 to Biller POWER\nAcc 12345678901 [A-Za-z' ]+\nFee KES 15.00/)
    await b.p.send('1')
    expect(wellFormed(await b.p.send(u.pin))).toMatch(/^END Paid KES 200.00 to Biller POWER\. Ref/)

    const m = await gw.api.merchant()
    const mp = await walk(u.phone, ['5', m.code, '300', '1', u.pin])
    expect(mp.screens[3]).toMatch(new RegExp(`Pay KES 300.00 to Shop ${m.code}`))
    expect(mp.last).toMatch(/^END Paid KES 300.00 to Shop/)
    expect(await balanceOf(u.token)).toBe(2_000_000 - 102_900 - 5_000 - 21_500 - 30_000)
  })

  it('my account: balance, mini-statement, limits, language, PIN change and lock', async () => {
    const u = await gw.api.user({ balance: 500_000n })
    expect((await walk(u.phone, ['6', '1', u.pin])).last).toBe(
      'END Balance KES 5,000.00\nAvailable KES 5,000.00',
    )
    expect((await walk(u.phone, ['6', '2', u.pin])).last).toMatch(
      /^END Last transactions\n\d\d\/\d\d bank deposit \+5,000.00/,
    )
    expect((await walk(u.phone, ['6', '6', u.pin])).last).toMatch(/^END KYC tier 1\nPer transaction KES/)
    expect((await walk(u.phone, ['6', '4', '2', u.pin])).last).toBe('END Lugha imehifadhiwa.')
    expect((await walk(u.phone, [])).last).toMatch(/^CON GoPay - Habari Test\n1 Tuma pesa/)
    await walk(u.phone, ['6', '4', '1', u.pin])
    expect((await walk(u.phone, ['6', '3', '3846', '3847'])).last).toMatch(
      /^CON The PINs did not match\.\nEnter your new/,
    )
    expect((await walk(u.phone, ['6', '3', '3846', '3846', u.pin])).last).toBe('END Your PIN is changed.')
    expect((await walk(u.phone, ['6', '1', '3846'])).last).toMatch(/^END Balance/)
    expect((await walk(u.phone, ['6', '5', '1', '3846'])).last).toMatch(/^END Your account is locked/)
    expect((await walk(u.phone, [])).last).toMatch(/^END Your account is locked/)
  })

  it('the mini-statement shows what each payment cost in fees, whole lines only', async () => {
    const amina = await gw.api.user({ balance: 10_000_000n })
    const baraka = await gw.api.user()
    const sent = await walk(amina.phone, ['1', baraka.phone, '500'])
    const fee = /Fee KES ([\d,]+\.\d\d)/.exec(sent.last)![1]!
    expect(fee).not.toBe('0.00')
    await sent.p.send('1')
    await sent.p.send(amina.pin)
    const st = (await walk(amina.phone, ['6', '2', amina.pin])).last
    expect(st).toMatch(new RegExp(`^END Last transactions\\n\\d\\d/\\d\\d p2p -500\\.00 fee ${fee}\\n`))
    // Many large payments: as many whole lines as fit, none cut.
    for (let i = 0; i < 5; i++) {
      const r = await walk(amina.phone, ['1', baraka.phone, '12345.67', '1', amina.pin])
      expect(r.last).toMatch(/^END Sent/)
    }
    const full = wellFormed((await walk(amina.phone, ['6', '2', amina.pin])).last)
    expect(full).not.toMatch(/\.\.$/)
    for (const line of full.split('\n').slice(1))
      expect(line).toMatch(/^\d\d\/\d\d p2p -12,345\.67 fee [\d,]+\.\d\d$/)
    const baraka2 = (await walk(baraka.phone, ['6', '2', baraka.pin])).last
    expect(baraka2.split('\n')[1]).toMatch(/^\d\d\/\d\d p2p \+12,345\.67$/) // received: no fee
  })

  it('a wrong PIN says how many tries remain; the third locks', async () => {
    const u = await gw.api.user({ balance: 100_000n })
    const r = await walk(u.phone, ['6', '1', '9999'])
    expect(r.last).toMatch(/^CON Wrong PIN\. 2 tries left\.\nBalance\nEnter your PIN$/)
    expect(wellFormed(await r.p.send('9998'))).toMatch(/1 try left/)
    expect(wellFormed(await r.p.send('9997'))).toMatch(/^END Wrong PIN 3 times/)
    expect(
      (await gw.api.call('POST', '/v1/auth/login', { body: { phone: u.phone, pin: u.pin } })).status,
    ).toBe(423)
  })

  it('back and home from every screen of every path', async () => {
    const u = await gw.api.user({ balance: 100_000n })
    const v = await gw.api.user()
    const agent = await gw.api.agent()
    const m = await gw.api.merchant()
    await gw.api.biller()
    const paths = [
      ['1', v.phone, '10', '1'],
      ['2', agent.code, '10', '1'],
      ['3', '2', '0711000001', '10'],
      ['4', '1', '12345678901', '10', '1'],
      ['5', m.code, '10', '1'],
      ['6', '3', '3846', '3846'],
      ['6', '4', '1'],
      ['6', '5', '1'],
    ]
    const main = (await walk(u.phone, [])).last
    for (const path of paths)
      for (let depth = 1; depth <= path.length; depth++) {
        const before = await walk(u.phone, path.slice(0, depth - 1))
        const at = await walk(u.phone, path.slice(0, depth))
        expect(wellFormed(await at.p.send('00'))).toBe(main)
        const back = await walk(u.phone, path.slice(0, depth))
        const shown = wellFormed(await back.p.send('0'))
        // One step back shows the screen before (without any error line it may have had).
        expect(shown.split('\n').slice(-2)).toEqual(before.last.split('\n').slice(-2))
      }
    expect(await balanceOf(u.token)).toBe(100_000)
  })

  it('garbage, very long and non-ASCII input at every prompt: a clear screen, nothing moved', async () => {
    const u = await gw.api.user({ balance: 100_000n })
    const bad = ['abc', '', 'x'.repeat(500), 'Ж*ü😀', '1*2*3', '-5', '99', '0.001', '1e9']
    const prefixes = [
      [],
      ['1'],
      ['1', '0711000002'],
      ['2'],
      ['3'],
      ['3', '2'],
      ['4'],
      ['5'],
      ['6'],
      ['6', '1'],
      ['6', '3'],
    ]
    for (const prefix of prefixes)
      for (const b of bad) {
        const r = await walk(u.phone, prefix)
        const s = wellFormed(await r.p.send(b))
        expect(s).not.toMatch(/^END Sorry/)
      }
    expect(await balanceOf(u.token)).toBe(100_000)
  })

  it('an expired or unknown session never repeats anything; strangers are refused', async () => {
    const u = await gw.api.user({ balance: 100_000n })
    // A session we do not know whose text holds a PIN: walked as a dialled shortcut, up to the PIN.
    const payee = await gw.api.user()
    const stranger = await gw.post({
      sessionId: 'ATUid_nope',
      phoneNumber: u.phone,
      serviceCode: '*384*55#',
      text: `1*${payee.phone.slice(1)}*500*1*${u.pin}`,
    })
    expect(stranger.body).toBe('CON Send money\nEnter your PIN')
    expect(await balanceOf(u.token)).toBe(100_000)
    const bad = await gw.post({ sessionId: 'x', phoneNumber: 'not-a-phone', text: '' })
    expect(bad.body).toMatch(/^END /)
    const guarded = await startTestGateway({ sharedSecret: 'aggregator-secret' })
    try {
      const form = { sessionId: 's1', phoneNumber: u.phone, serviceCode: '*384*55#', text: '' }
      expect((await guarded.post(form)).status).toBe(403)
      expect((await guarded.post(form, '?key=wrong-secret')).status).toBe(403)
      expect((await guarded.post(form, '?key=aggregator-secret')).body).toMatch(/^CON Welcome to GoPay/)
    } finally {
      await guarded.close()
    }
  })

  it('answers every hop text/plain CON or END: over the size limit, malformed, or on an unknown path', async () => {
    const u = await gw.api.user()
    const send = async (path: string, body: string, type = 'application/x-www-form-urlencoded') => {
      const res = await fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body })
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() }
    }
    const form = (text: string) =>
      new URLSearchParams({ sessionId: 'ATUid_big', phoneNumber: u.phone, serviceCode: '*384*55#', text })
    const big = await send('/ussd', form('1*'.repeat(6_000)).toString())
    expect(big).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/plain/) })
    expect(wellFormed(big.body)).toMatch(/^END /)
    for (const [path, body, type] of [
      ['/ussd', '{"sessionId": ', 'application/json'],
      ['/ussd', '{"sessionId": "ATUid_j", "phoneNumber": "+254711000001", "text": ""}', 'application/json'],
      ['/ussd', '%E0%A4%A', 'application/x-www-form-urlencoded'],
      ['/nowhere', form('').toString(), 'application/x-www-form-urlencoded'],
    ] as const) {
      const r = await send(path, body, type)
      expect(r.type, `${path} ${body}`).toMatch(/^text\/plain/)
      expect(wellFormed(r.body)).toMatch(/^END /)
    }
    // The same session goes on normally afterwards.
    expect((await gw.post(Object.fromEntries(form('')))).body).toMatch(/^CON GoPay/)
  })

  it('a dialled shortcut (*384*55*1*0711…#) is walked from the main menu; a PIN is never taken from it', async () => {
    const amina = await gw.api.user({ balance: 100_000n })
    const baraka = await gw.api.user()
    const typed = baraka.phone.slice(1) // as typed, without the +
    const p = gw.dial(amina.phone)
    expect(wellFormed(await p.open(`1*${typed}`))).toBe('CON Enter amount (KES)')
    expect(wellFormed(await p.send('100'))).toMatch(/^CON Send KES 100.00 to Test U\./)
    expect(wellFormed(await p.send('1'))).toBe('CON Send money\nEnter your PIN')
    expect(wellFormed(await p.send(amina.pin))).toMatch(/^END Sent KES 100.00/)

    // The PIN in the dial string is not used: the walk stops at the PIN screen, nothing moves.
    const q = gw.dial(amina.phone)
    expect(await q.open(`1*${typed}*100*1*${amina.pin}`)).toBe('CON Send money\nEnter your PIN')
    expect(await q.open(`1*${typed}*100*1*${amina.pin}`)).toBe('CON Send money\nEnter your PIN')
    expect(await balanceOf(baraka.token)).toBe(10_000)
    expect(wellFormed(await q.send(amina.pin))).toMatch(/^END Sent KES 100.00/)
    expect(await balanceOf(baraka.token)).toBe(20_000)
    // Nor a new PIN: registration stops where the PIN is chosen.
    const reg = gw.dial('+254799100077')
    expect(await reg.open('1*Ann*Bee*B1234567*4826*4826')).toBe('CON Choose a 4-digit PIN')
    expect(wellFormed(await reg.send('4826'))).toBe('CON Enter the PIN again')
    // A wrong input in the shortcut stops the walk there, saying why.
    expect(await gw.dial(amina.phone).open('7*1')).toMatch(/^CON Choose one of the numbers shown\.\n/)
    expect(await gw.dial(amina.phone).open('6*00*2')).toBe('CON Enter agent number')
  })

  it('records the end-of-session report', async () => {
    const res = await fetch(`${gw.url}/ussd/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        sessionId: 'ATUid_end1',
        phoneNumber: '+254711000001',
        serviceCode: '*384*55#',
        networkCode: '63902',
        status: 'Failed',
        durationInMillis: '4200',
        hopsCount: '3',
        errorMessage: 'USSD_TIMEOUT',
        cost: 'KES 0.00',
      }).toString(),
    })
    expect(res.status).toBe(200)
    expect(await gw.api.tdb.db('ussd_sessions').where({ session_id: 'ATUid_end1' }).first()).toMatchObject({
      status: 'Failed',
      duration_ms: 4200,
      hops: 3,
      error_message: 'USSD_TIMEOUT',
    })
  })
})

describe('USSD input parsing', () => {
  it('reads amounts in shillings and phones the local or international way', async () => {
    const { parseAmount, parsePhone } = await import('./menus/menu')
    expect(parseAmount('500')).toBe(50_000n)
    expect(parseAmount('500.5')).toBe(50_050n)
    for (const bad of ['0', '-5', '1e9', '0.001', 'abc', '', '1234567890'])
      expect(parseAmount(bad)).toBeNull()
    expect(parsePhone('0711000002', '254')).toBe('+254711000002')
    expect(parsePhone('711000002', '254')).toBe('+254711000002')
    expect(parsePhone('254711000002', '254')).toBe('+254711000002')
    expect(parsePhone('+254711000002', '254')).toBe('+254711000002')
    for (const bad of ['12', 'phone', '+0711', '07110000021234567']) expect(parsePhone(bad, '254')).toBeNull()
  })
})
