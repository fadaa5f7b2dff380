import { createHash } from 'node:crypto'
import { formatMoney, maskPhone } from '@gopay/vocabulary'
import type { Logger } from 'pino'
import { answers, read, UnexpectedAnswer } from '../core/answers'
import { CoreUnreachable, problemCode, problemDetail, type CoreAnswer, type CoreClient } from '../core/client'
import { page, SCREEN_TEXT_MAX, short, type Screen } from '../protocol/screen'
import type { SessionState } from '../sessions/store'
import { textsFor, type Texts } from './texts'

export interface MenuDeps {
  core: CoreClient
  currency: string
  /** Country code for numbers typed the local way (0711…). */
  countryCode: string
  log?: Logger
}

interface Ctx extends MenuDeps {
  s: SessionState
  t: Texts
  sessionId: string
}

/** What a step does with an input: go to a step, stay with a message, end, or show a screen. */
type Next = { to: string } | { again: string } | { end: string } | { screen: Screen }

interface Step {
  /** It asks for a PIN (to use, or a new one): never taken from a dialled shortcut. */
  secret?: boolean
  show(c: Ctx): Screen | Promise<Screen>
  take(input: string, c: Ctx): Next | Promise<Next>
}

const con = (text: string): Screen => ({ end: false, text })
const numbered = (items: readonly string[]) => items.map((x, i) => `${i + 1} ${x}`).join('\n')
const money = (c: Ctx, minor: number | bigint | string) => formatMoney(BigInt(minor), c.currency)
const refOf = (id: string) => id.slice(0, 8).toUpperCase()

/** 500 or 500.50 shillings → minor units; anything else null. */
export function parseAmount(input: string): bigint | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(input)
  if (!m) return null
  const minor = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'))
  return minor > 0n ? minor : null
}

/** 0711000002, 711000002, 254711000002 or +254711000002 → +254711000002; anything else null. */
export function parsePhone(input: string, countryCode: string): string | null {
  const digits = input.replace(/[\s-]/g, '')
  let e164: string
  if (/^\+\d+$/.test(digits)) e164 = digits
  else if (/^0\d{9}$/.test(digits)) e164 = `+${countryCode}${digits.slice(1)}`
  else if (/^[17]\d{8}$/.test(digits)) e164 = `+${countryCode}${digits}`
  else if (/^[1-9]\d{10,14}$/.test(digits)) e164 = `+${digits}`
  else return null
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null
}

const NAME = /^[\p{L}' .-]{1,30}$/u

/** A core refusal as a plain sentence, in the user's language. */
function refusal(c: Ctx, r: CoreAnswer): string {
  // A status that is not the one expected and no refusal either (200 for 201, 204…): nothing is
  // known of what happened, so nothing is said as if it were.
  if (r.status < 400)
    throw new UnexpectedAnswer('status', r.status, 'neither the answer expected nor a refusal')
  const code = problemCode(r)
  if (code === 'insufficient_funds') return c.t.insufficient
  if (code === 'limit_exceeded') return c.t.limitExceeded
  if (code === 'account_locked') return c.t.accountLocked
  if (code === 'unavailable' || r.status >= 500) return c.t.unavailable
  if (code === 'declined')
    return c.t.declined(
      short((problemDetail(r) ?? '').replace(/^Declined: |\. Nothing was taken\.$/g, ''), 60),
    )
  return c.t.failed
}

/** The money and account actions, each run after the PIN. Answers the END text. */
const actions: Record<string, (c: Ctx, token: string, key: string) => Promise<string>> = {
  async send(c, token, key) {
    const r = await c.core.transfer(token, { toPhone: c.s.data.phone!, amount: Number(c.s.data.amount) }, key)
    if (r.status !== 201) return refusal(c, r)
    const t = read(r, answers.transaction, 'transfer')
    return c.t.sent(refOf(t.id), money(c, c.s.data.amount!), c.s.data.name!)
  },
  async withdraw(c, token, key) {
    const r = await c.core.withdraw(
      token,
      { agentCode: c.s.data.agent!, amount: Number(c.s.data.amount) },
      key,
    )
    if (r.status !== 201) return refusal(c, r)
    const t = read(r, answers.transaction, 'withdrawal')
    return c.t.withdrawn(refOf(t.id), money(c, c.s.data.amount!), short(t.agentName ?? c.s.data.name!))
  },
  async airtime(c, token, key) {
    const r = await c.core.airtime(token, { phone: c.s.data.phone!, amount: Number(c.s.data.amount) }, key)
    if (r.status !== 201 && r.status !== 202) return refusal(c, r)
    const t = read(r, answers.transaction, 'airtime')
    if (r.status === 202) return c.t.pending(refOf(t.id))
    return c.t.airtimeDone(refOf(t.id), money(c, c.s.data.amount!), c.s.data.phone!)
  },
  async bill(c, token, key) {
    const body = {
      billerCode: c.s.data.biller!,
      accountNumber: c.s.data.account!,
      amount: Number(c.s.data.amount),
    }
    const r = await c.core.payBill(token, body, key)
    if (r.status !== 201 && r.status !== 202) return refusal(c, r)
    const t = read(r, answers.transaction, 'bill payment')
    if (r.status === 202) return c.t.billPending(refOf(t.id))
    return c.t.billDone(refOf(t.id), money(c, c.s.data.amount!), short(c.s.data.billerName!))
  },
  async merchant(c, token, key) {
    const r = await c.core.payMerchant(
      token,
      { merchantCode: c.s.data.merchant!, amount: Number(c.s.data.amount) },
      key,
    )
    if (r.status !== 201) return refusal(c, r)
    const t = read(r, answers.transaction, 'merchant payment')
    return c.t.paidMerchant(refOf(t.id), money(c, c.s.data.amount!), short(c.s.data.name!))
  },
  async balance(c, token) {
    const r = await c.core.wallet(token)
    if (r.status !== 200) return refusal(c, r)
    const w = read(r, answers.wallet, 'wallet')
    return c.t.balance(money(c, w.balance), money(c, w.available))
  },
  async statement(c, token) {
    const r = await c.core.transactions(token, 5)
    if (r.status !== 200) return refusal(c, r)
    const { items } = read(r, answers.history, 'transactions')
    if (!items.length) return c.t.noTransactions
    const plain = (minor: number) => formatMoney(BigInt(minor), '').trim()
    const lines = items.map((i) => {
      const d = new Date(i.createdAt)
      const day = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`
      const sign = i.direction === 'out' ? '-' : '+'
      // What it cost, as the wallets in the field show it: the fee beside the amount.
      const fee = i.fee > 0 ? ` ${c.t.feeWord} ${plain(i.fee)}` : ''
      return `${day} ${i.type.replace(/_/g, ' ').slice(0, 12)} ${sign}${plain(i.amount)}${fee}`
    })
    // Whole lines only: the oldest are left out rather than one cut short.
    while (lines.length > 1 && [c.t.statement, ...lines].join('\n').length > SCREEN_TEXT_MAX) lines.pop()
    return [c.t.statement, ...lines].join('\n')
  },
  async changePin(c, token) {
    const r = await c.core.changePin(token, { oldPin: c.s.data.oldPin!, newPin: c.s.data.newPin! })
    if (r.status === 204) return c.t.pinChanged
    if (problemCode(r) === 'validation_failed') return c.t.weakPin
    return refusal(c, r)
  },
  async language(c, token) {
    const r = await c.core.setLanguage(token, c.s.data.language === 'sw' ? 'sw' : 'en')
    if (r.status !== 200) return refusal(c, r)
    c.s.lang = c.s.data.language === 'sw' ? 'sw' : 'en'
    c.t = textsFor(c.s.lang)
    return c.t.languageSet
  },
  async lock(c, token) {
    const r = await c.core.lock(token)
    if (r.status >= 300) return refusal(c, r)
    return c.t.locked
  },
  async limits(c, token) {
    const r = await c.core.limits(token)
    if (r.status !== 200) return refusal(c, r)
    const b = read(r, answers.limits, 'limits')
    return c.t.limits(
      b.kycTier,
      money(c, b.perTransaction),
      money(c, b.daily),
      money(c, b.usedToday),
      money(c, b.monthly),
    )
  },
}

const movesMoney = new Set(['send', 'withdraw', 'airtime', 'bill', 'merchant'])

/** Asks for an amount, then goes on. */
const amountStep = (next: string, prompt = (c: Ctx) => c.t.enterAmount): Step => ({
  show: (c) => con(prompt(c)),
  take(input, c) {
    const a = parseAmount(input)
    if (a === null) return { again: c.t.badAmount }
    c.s.data.amount = a.toString()
    return { to: next }
  },
})

/** The PIN, last, right before the action runs. */
const pinStep = (action: string, what: (c: Ctx) => string): Step => ({
  secret: true,
  show: (c) => con(c.t.enterPin(what(c))),
  async take(input, c) {
    if (!/^\d{4}$/.test(input)) return { again: c.t.pinFormat }
    const pinFor = action === 'changePin' ? 'oldPin' : null
    const opened = await c.core.openUserSession(c.s.phone, input)
    if (opened.status === 401 && problemCode(opened) === 'invalid_pin')
      return {
        again: c.t.wrongPin(read(opened, answers.wrongPin, 'PIN check').remainingAttempts ?? 0),
      }
    if (opened.status === 423) return { end: c.t.pinLocked }
    if (opened.status !== 200) return { end: refusal(c, opened) }
    const { accessToken } = read(opened, answers.session, 'PIN session')
    if (pinFor) c.s.data[pinFor] = input
    const key = idempotencyKey(c.sessionId, c.s.seq)
    c.s.seq++
    try {
      return { end: await actions[action]!(c, accessToken, key) }
    } catch (err) {
      if (!movesMoney.has(action)) throw err
      // The payment was sent: whatever came back (or did not), "nothing was taken" may be untrue.
      c.log?.warn({ err, sessionId: c.sessionId, action }, 'USSD payment not confirmed')
      return { end: c.t.unconfirmed }
    } finally {
      delete c.s.data.oldPin
      delete c.s.data.newPin
    }
  },
})

/**
 * One key per money movement of a session: a resent hop, a retry after a lost answer, the same key;
 * the core API answers it once. A hash of the exact session id and step: any two sessions get two keys,
 * whatever characters their ids hold.
 */
export const idempotencyKey = (sessionId: string, seq: number) =>
  `ussd-${createHash('sha256')
    .update(JSON.stringify([sessionId, seq]))
    .digest('base64url')}`

const choice =
  (items: readonly string[], targets: string[]): Step['take'] =>
  (input, c) => {
    const n = Number(input)
    if (!/^\d{1,2}$/.test(input) || n < 1 || n > items.length) return { again: c.t.invalidChoice }
    return { to: targets[n - 1]! }
  }

/** A summary to check, then 1 Confirm / 0 Back. */
function confirmStep(summary: (c: Ctx) => string | Promise<string>, next: string): Step {
  return {
    show: async (c) => con(`${await summary(c)}\n${c.t.confirm}\n0 ${c.t.back}`),
    take: (input, c) => (input === '1' ? { to: next } : { again: c.t.invalidChoice }),
  }
}

/** An agent or merchant code, looked up for its name before going on. */
function payeeCodeStep(
  kind: 'agent' | 'merchant',
  prompt: (t: Texts) => string,
  unknown: (t: Texts) => string,
  next: string,
): Step {
  return {
    show: (c) => con(prompt(c.t)),
    async take(input, c) {
      const code = input.toUpperCase()
      if (!/^[A-Z0-9]{3,12}$/.test(code)) return { again: c.t.badCode }
      const r = await c.core.payee(kind, code)
      if (r.status !== 200) return { again: unknown(c.t) }
      c.s.data.name = short(read(r, answers.payee, `${kind} name`).name, 24)
      c.s.data[kind] = code
      return { to: next }
    },
  }
}

const steps: Record<string, Step> = {
  main: {
    show: (c) =>
      con(
        `${c.t.main(c.s.data.firstName ? short(c.s.data.firstName, 15) : undefined)}\n${numbered(c.t.mainItems)}`,
      ),
    take: (input, c) =>
      choice(c.t.mainItems, [
        'sendPhone',
        'agentCode',
        'airtimeWho',
        'billerList',
        'merchantCode',
        'account',
      ])(input, c),
  },

  // Registration of an unknown number.
  welcome: {
    show: (c) => con(`${c.t.welcome}\n${numbered(c.t.welcomeItems)}`),
    take(input, c) {
      if (input === '1') return { to: 'regFirst' }
      if (input === '2') {
        c.s.lang = c.s.lang === 'sw' ? 'en' : 'sw'
        c.t = textsFor(c.s.lang)
        return { screen: steps.welcome!.show(c) as Screen }
      }
      return { again: c.t.invalidChoice }
    },
  },
  regFirst: {
    show: (c) => con(c.t.regFirst),
    take: (input, c) =>
      NAME.test(input) ? ((c.s.data.firstName = input), { to: 'regLast' }) : { again: c.t.badName },
  },
  regLast: {
    show: (c) => con(c.t.regLast),
    take: (input, c) =>
      NAME.test(input) ? ((c.s.data.lastName = input), { to: 'regId' }) : { again: c.t.badName },
  },
  regId: {
    show: (c) => con(c.t.regId),
    take(input, c) {
      const id = input.toUpperCase()
      if (!/^[A-Z0-9]{5,20}$/.test(id)) return { again: c.t.badId }
      c.s.data.idNumber = id
      return { to: 'regPin' }
    },
  },
  regPin: {
    secret: true,
    show: (c) => con(c.t.regPin),
    take: (input, c) =>
      /^\d{4}$/.test(input) ? ((c.s.data.newPin = input), { to: 'regPin2' }) : { again: c.t.pinFormat },
  },
  regPin2: {
    secret: true,
    show: (c) => con(c.t.regPin2),
    async take(input, c) {
      if (input !== c.s.data.newPin) {
        c.s.stack.pop()
        return { screen: con(`${c.t.pinsDiffer}\n${c.t.regPin}`) }
      }
      const r = await c.core.register({
        phone: c.s.phone,
        firstName: c.s.data.firstName!,
        lastName: c.s.data.lastName!,
        idNumber: c.s.data.idNumber!,
        pin: input,
        language: c.s.lang,
      })
      delete c.s.data.newPin
      if (r.status === 201) {
        c.s.registered = true
        return { end: c.t.regDone(short(c.s.data.firstName!, 20)) }
      }
      if (problemCode(r) === 'validation_failed') {
        c.s.stack.pop()
        return { screen: con(`${c.t.weakPin}\n${c.t.regPin}`) }
      }
      // Registered from another session (a second dial) since this one opened.
      if (problemCode(r) === 'duplicate') return { end: c.t.alreadyRegistered }
      return { end: refusal(c, r) }
    },
  },

  // 1 Send money
  sendPhone: {
    show: (c) => con(c.t.enterPhone),
    async take(input, c) {
      const phone = parsePhone(input, c.countryCode)
      if (!phone) return { again: c.t.badPhone }
      // The core refuses it too, but only after the PIN, with a sentence this menu cannot show.
      if (phone === c.s.phone) return { again: c.t.ownNumber }
      const r = await c.core.payee('wallet', phone)
      if (r.status !== 200) return { again: c.t.unknownRecipient }
      c.s.data.name = short(read(r, answers.payee, 'recipient name').name, 30)
      c.s.data.phone = phone
      return { to: 'sendAmount' }
    },
  },
  sendAmount: amountStep('sendConfirm'),
  sendConfirm: confirmStep(
    async (c) => c.t.confirmSend(money(c, c.s.data.amount!), c.s.data.name!, await feeOf(c, 'p2p')),
    'sendPin',
  ),
  sendPin: pinStep('send', (c) => c.t.what.send),

  // 2 Withdraw cash
  agentCode: payeeCodeStep(
    'agent',
    (t) => t.enterAgent,
    (t) => t.unknownAgent,
    'withdrawAmount',
  ),
  withdrawAmount: amountStep('withdrawConfirm'),
  withdrawConfirm: confirmStep(
    async (c) =>
      c.t.confirmWithdraw(money(c, c.s.data.amount!), c.s.data.name!, await feeOf(c, 'withdrawal')),
    'withdrawPin',
  ),
  withdrawPin: pinStep('withdraw', (c) => c.t.what.withdraw),

  // 3 Buy airtime
  airtimeWho: {
    show: (c) => con(`${c.t.airtimeTitle}\n${numbered(c.t.airtimeWho)}`),
    take(input, c) {
      if (input === '1') {
        c.s.data.phone = c.s.phone
        return { to: 'airtimeAmount' }
      }
      if (input === '2') return { to: 'airtimePhone' }
      return { again: c.t.invalidChoice }
    },
  },
  airtimePhone: {
    show: (c) => con(c.t.enterPhone),
    take(input, c) {
      const phone = parsePhone(input, c.countryCode)
      if (!phone) return { again: c.t.badPhone }
      c.s.data.phone = phone
      return { to: 'airtimeAmount' }
    },
  },
  airtimeAmount: amountStep('airtimePin'),
  airtimePin: pinStep(
    'airtime',
    (c) => `${c.t.what.airtime} ${money(c, c.s.data.amount!)} ${maskPhone(c.s.data.phone!)}`,
  ),

  // 4 Pay bill
  billerList: {
    async show(c) {
      const r = await c.core.billers()
      if (r.status !== 200) return { end: true, text: refusal(c, r) }
      const billers = read(r, answers.billers, 'billers').items
      c.s.data.billers = billers.map((b) => b.code).join(',')
      const items = [...billers.map((b) => short(b.name, 24)), c.t.enterBillerCode]
      return con(page(c.t.chooseBiller, items, c.s.page, { more: c.t.more, back: c.t.back }).text)
    },
    async take(input, c) {
      const codes = (c.s.data.billers ?? '').split(',').filter(Boolean)
      if (input === '98') {
        c.s.page++
        return { screen: await steps.billerList!.show(c) }
      }
      const n = Number(input)
      if (!/^\d{1,2}$/.test(input) || n < 1 || n > codes.length + 1) return { again: c.t.invalidChoice }
      if (n === codes.length + 1) return { to: 'billerCode' }
      c.s.data.biller = codes[n - 1]!
      return { to: 'billAccount' }
    },
  },
  billerCode: {
    show: (c) => con(c.t.enterBillerCode),
    take(input, c) {
      const code = input.toUpperCase()
      const codes = (c.s.data.billers ?? '').split(',')
      if (!/^[A-Z0-9]{2,12}$/.test(code) || !codes.includes(code)) return { again: c.t.unknownBiller }
      c.s.data.biller = code
      return { to: 'billAccount' }
    },
  },
  billAccount: {
    show: (c) => con(c.t.enterAccount),
    async take(input, c) {
      if (!/^[A-Za-z0-9-]{1,30}$/.test(input)) return { again: c.t.unknownAccount }
      const r = await c.core.billerAccount(c.s.data.biller!, input.toUpperCase())
      if (r.status === 503) return { end: c.t.unavailable }
      if (problemCode(r) === 'validation_failed') return { again: c.t.badAccount }
      if (r.status !== 200) return { again: c.t.unknownAccount }
      const a = read(r, answers.billerAccount, 'biller account check')
      c.s.data.account = input.toUpperCase()
      c.s.data.name = short(a.customerName, 24)
      c.s.data.billerName = short(a.billerName, 24)
      c.s.data.fee = String(a.fee)
      return { to: 'billAmount' }
    },
  },
  billAmount: amountStep('billConfirm', (c) => c.t.billAmount(c.s.data.name!)),
  billConfirm: confirmStep(
    (c) =>
      c.t.confirmBill(
        money(c, c.s.data.amount!),
        c.s.data.billerName!,
        c.s.data.account!,
        c.s.data.name!,
        money(c, c.s.data.fee!),
      ),
    'billPin',
  ),
  billPin: pinStep('bill', (c) => c.t.what.bill),

  // 5 Pay merchant
  merchantCode: payeeCodeStep(
    'merchant',
    (t) => t.enterMerchant,
    (t) => t.unknownMerchant,
    'merchantAmount',
  ),
  merchantAmount: amountStep('merchantConfirm'),
  merchantConfirm: confirmStep(
    (c) => c.t.confirmMerchant(money(c, c.s.data.amount!), c.s.data.name!),
    'merchantPin',
  ),
  merchantPin: pinStep('merchant', (c) => c.t.what.merchant),

  // 6 My account
  account: {
    show: (c) => con(`${c.t.account}\n${numbered(c.t.accountItems)}\n0 ${c.t.back}`),
    take: (input, c) =>
      choice(c.t.accountItems, ['balancePin', 'statementPin', 'newPin', 'language', 'lockAsk', 'limitsPin'])(
        input,
        c,
      ),
  },
  balancePin: pinStep('balance', (c) => c.t.accountItems[0]),
  statementPin: pinStep('statement', (c) => c.t.accountItems[1]),
  limitsPin: pinStep('limits', (c) => c.t.accountItems[5]),
  newPin: {
    secret: true,
    show: (c) => con(c.t.newPin),
    take: (input, c) =>
      /^\d{4}$/.test(input) ? ((c.s.data.newPin = input), { to: 'newPin2' }) : { again: c.t.pinFormat },
  },
  newPin2: {
    secret: true,
    show: (c) => con(c.t.newPin2),
    take(input, c) {
      if (input !== c.s.data.newPin) {
        c.s.stack.pop()
        return { screen: con(`${c.t.pinsDiffer}\n${c.t.newPin}`) }
      }
      return { to: 'changePin' }
    },
  },
  changePin: pinStep('changePin', (c) => c.t.currentPin),
  language: {
    show: (c) => con(`${c.t.chooseLanguage}\n${numbered(c.t.languageItems)}\n0 ${c.t.back}`),
    take(input, c) {
      if (input !== '1' && input !== '2') return { again: c.t.invalidChoice }
      c.s.data.language = input === '1' ? 'en' : 'sw'
      return { to: 'languagePin' }
    },
  },
  languagePin: pinStep('language', (c) => c.t.what.language),
  lockAsk: {
    show: (c) => con(`${c.t.lockAsk}\n${c.t.lockYes}\n0 ${c.t.back}`),
    take: (input, c) => (input === '1' ? { to: 'lockPin' } : { again: c.t.invalidChoice }),
  },
  lockPin: pinStep('lock', (c) => c.t.what.lock),
}

/** The fee of a transaction type for the amount typed, from the core's tariff. */
async function feeOf(c: Ctx, type: 'p2p' | 'withdrawal') {
  const r = await c.core.fee(type, Number(c.s.data.amount))
  return r.status === 200 ? money(c, read(r, answers.fee, 'fee').fee) : '-'
}

/** The first screen of a session. */
async function openSession(c: Omit<Ctx, 't'>): Promise<Screen> {
  const r = await c.core.subscriber(c.s.phone)
  if (r.status !== 200) return { end: true, text: textsFor('en').unavailable }
  const sub = read(r, answers.subscriber, 'subscriber')
  c.s.lang = sub.registered ? sub.language : 'en'
  const ctx: Ctx = { ...c, t: textsFor(c.s.lang) }
  if (sub.registered && sub.status === 'locked') return { end: true, text: ctx.t.accountLocked }
  c.s.registered = sub.registered
  if (sub.registered && sub.firstName) c.s.data.firstName = sub.firstName
  c.s.stack = [sub.registered ? 'main' : 'welcome']
  return steps[c.s.stack[0]!]!.show(ctx)
}

/** One hop after the first: `input` is only what the user typed on this screen. */
export async function takeInput(c: Omit<Ctx, 't'>, input: string): Promise<Screen> {
  try {
    return (await advance(c, input)).screen
  } catch (err) {
    return coreTrouble(c, err)
  }
}

/**
 * The first hop of a session that already carries inputs: the user dialled a shortcut
 * (`*384*55*1*0711000002#` arrives as `1*0711000002`). Each input is taken from the first screen as if
 * typed one by one, until one is refused (its screen says why), the session ends, or a PIN is asked
 * for: a PIN is never taken from a dial string, which the network and the phone's history keep.
 */
export async function openWithInputs(c: Omit<Ctx, 't'>, inputs: string[]): Promise<Screen> {
  try {
    let screen = await openSession(c)
    for (const input of inputs) {
      if (screen.end || steps[c.s.stack[c.s.stack.length - 1]!]!.secret) break
      const r = await advance(c, input.trim())
      screen = r.screen
      if (!r.taken) break
    }
    return screen
  } catch (err) {
    return coreTrouble(c, err)
  }
}

/**
 * The core did not answer, or answered what the menus cannot read: the session ends with a plain
 * sentence. (A payment whose answer is lost never gets here: its step says it is unconfirmed.)
 */
function coreTrouble(c: Omit<Ctx, 't'>, err: unknown): Screen {
  if (!(err instanceof UnexpectedAnswer || err instanceof CoreUnreachable)) throw err
  c.log?.warn({ err, sessionId: c.sessionId }, 'USSD hop ended: the core could not be read')
  return { end: true, text: textsFor(c.s.lang).unavailable }
}

/** Takes one input on the current screen: the screen that follows, and whether the input was taken. */
async function advance(c: Omit<Ctx, 't'>, input: string): Promise<{ screen: Screen; taken: boolean }> {
  const ctx: Ctx = { ...c, t: textsFor(c.s.lang) }
  const root = c.s.stack[0]!
  const current = c.s.stack[c.s.stack.length - 1]!
  const again = async (line: string) => {
    const s = await steps[c.s.stack[c.s.stack.length - 1]!]!.show(ctx)
    return { screen: { ...s, text: `${line}\n${s.text}` }, taken: false }
  }
  if (input.length > 60) return again(ctx.t.tooLong)
  if (input === '00') {
    c.s.stack = [root]
    c.s.page = 0
    return { screen: await steps[root]!.show(ctx), taken: true }
  }
  if (input === '0' && c.s.stack.length > 1) {
    // Back: a paged list goes back a page first.
    if (c.s.page > 0) c.s.page--
    else c.s.stack.pop()
    return { screen: await steps[c.s.stack[c.s.stack.length - 1]!]!.show(ctx), taken: true }
  }
  const next = await steps[current]!.take(input, ctx)
  if ('to' in next) {
    c.s.stack.push(next.to)
    c.s.page = 0
    return { screen: await steps[next.to]!.show(ctx), taken: true }
  }
  if ('again' in next) return again(next.again)
  if ('end' in next) return { screen: { end: true, text: next.end }, taken: true }
  return { screen: next.screen, taken: true }
}
