import { z } from 'zod'

// The one contract between the renderer and what runs beside it (Electron main, or the browser-mode
// server): every channel's input and output, and every event. The preload, the browser bridge, the
// main process and the local server all check messages against these schemas.

/** Amounts cross the bridge as decimal strings of minor units: JSON has no bigint. */
export const minor = z.string().regex(/^\d{1,18}$/, { error: 'amount must be a whole number of minor units' })
export const phone = z.string().regex(/^\+[1-9][0-9]{7,14}$/, { error: 'phone must look like +254711000001' })
export const pin = z.string().regex(/^[0-9]{4}$/, { error: 'PIN must be 4 digits' })
/** Every money-moving call carries its idempotency key, made once per attempt by the renderer. */
export const key = z.uuid()

const empty = z.strictObject({})

export const terminalInfo = z.object({
  activated: z.boolean(),
  terminalId: z.string().nullable(),
  kind: z.enum(['agent', 'merchant']).nullable(),
  ownerCode: z.string().nullable(),
  businessName: z.string().nullable(),
  currency: z.string(),
  /** `locked` signs everyone out; `wipe_ordered` is acted on at once (back to activation). */
  status: z.enum(['unactivated', 'active', 'locked']),
  operator: z.object({ phone, name: z.string().nullable() }).nullable(),
  /** Requests whose outcome was unknown at start-up and are still being resolved. */
  unresolved: z.number().int(),
})
export type TerminalInfo = z.infer<typeof terminalInfo>

export const failure = z.object({ ok: z.literal(false), code: z.string(), message: z.string() })
export type Failure = z.infer<typeof failure>
const result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), failure])

export const party = z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable()

/** A finished transaction as the terminal shows and prints it. */
export const transaction = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.string(),
  status: z.string(),
  amount: minor,
  fee: minor,
  currency: z.string(),
  createdAt: z.string(),
  counterparty: party,
  direction: z.enum(['in', 'out']).nullable(),
  method: z.string().nullable(),
})
export type Transaction = z.infer<typeof transaction>

/** A money request ends definitely: done, or refused with the reason. Never "unknown". */
export const outcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), transaction }),
  z.object({ outcome: z.literal('refused'), code: z.string(), message: z.string() }),
])
export type Outcome = z.infer<typeof outcome>

export const customer = z.object({
  phone: z.string(),
  name: z.string(),
  status: z.string(),
  canTransact: z.boolean(),
})

export const float = z.object({ balance: minor, currency: z.string(), threshold: minor, low: z.boolean() })

export const agentLine = transaction.extend({
  commission: minor.nullable(),
  cashHandedOverAt: z.string().nullable(),
})
export type AgentLine = z.infer<typeof agentLine>

export const sale = z.object({
  id: z.string(),
  reference: z.string(),
  method: z.string(),
  status: z.string(),
  amount: minor,
  refunded: minor,
  refundable: minor,
  currency: z.string(),
  createdAt: z.string(),
  payer: party,
})
export type Sale = z.infer<typeof sale>

export const paymentRequest = z.object({
  id: z.string(),
  qr: z.string(),
  amount: minor,
  currency: z.string(),
  reference: z.string().nullable(),
  status: z.enum(['pending', 'paid', 'expired', 'cancelled']),
  expiresAt: z.string(),
  paidTransactionId: z.string().nullable(),
})
export type PaymentRequest = z.infer<typeof paymentRequest>

const countTotal = z.object({ count: z.number().int(), total: minor })
export const zReport = z.object({
  date: z.string(),
  currency: z.string(),
  sales: countTotal,
  byMethod: z.record(z.string(), countTotal),
  refunds: countTotal,
  fees: minor,
  net: minor,
})
export type ZReport = z.infer<typeof zReport>

export const commissions = z.object({
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  accrued: minor,
  paid: minor,
  outstanding: minor,
  items: z.array(
    z.object({
      reference: z.string(),
      type: z.string(),
      amount: minor,
      commission: minor,
      createdAt: z.string(),
    }),
  ),
})

export const printerState = z.enum(['ready', 'paper-out', 'cover-open', 'offline', 'none'])
export const deviceStatus = z.object({
  core: z.enum(['online', 'offline']),
  printer: z.object({ state: printerState, message: z.string(), waiting: z.number().int() }),
  cardReader: z.enum(['connected', 'none']),
  display: z.enum(['connected', 'window']),
})
export type DeviceStatus = z.infer<typeof deviceStatus>

/** What the customer-facing screen shows. */
export const displayView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle'), businessName: z.string() }),
  /** The registered name before confirm: the customer catches a wrong number. */
  z.object({
    kind: z.literal('confirm'),
    action: z.enum(['cash-in', 'cash-out']),
    customerName: z.string(),
    phone: z.string(),
    amount: minor,
    currency: z.string(),
  }),
  z.object({
    kind: z.literal('payment'),
    status: z.enum(['waiting', 'paid', 'failed', 'expired']),
    amount: minor,
    currency: z.string(),
    qr: z.string().nullable(),
    secondsLeft: z.number().int().nullable(),
    message: z.string().nullable(),
  }),
  z.object({ kind: z.literal('done'), message: z.string(), reference: z.string() }),
])
export type DisplayView = z.infer<typeof displayView>

const idTypes = z.enum(['national_id', 'passport', 'alien_id'])
const personName = z.string().trim().min(1).max(60)

/** Every channel, named `area.action`, with its input and output. */
export const channels = {
  'terminal.info': { input: empty, output: terminalInfo },
  'terminal.activate': {
    input: z.strictObject({ activationCode: z.string().min(4).max(40) }),
    output: result(terminalInfo),
  },
  'session.signIn': { input: z.strictObject({ phone, pin }), output: result(terminalInfo) },
  'session.signOut': { input: empty, output: terminalInfo },
  'customers.lookup': { input: z.strictObject({ phone }), output: result(customer) },
  'customers.register': {
    input: z.strictObject({
      key,
      phone,
      firstName: personName,
      lastName: personName,
      idType: idTypes,
      idNumber: z.string().trim().min(3).max(30),
      pin,
      /** The ID photo, base64, JPEG or PNG. */
      photo: z.object({
        contentType: z.enum(['image/jpeg', 'image/png']),
        base64: z.string().max(3_000_000),
      }),
    }),
    output: result(z.object({ id: z.string(), phone: z.string(), name: z.string() })),
  },
  /** The code from the SMS the core sent the newly registered customer: the wallet becomes active. */
  'customers.confirmPhone': {
    input: z.strictObject({ phone, code: z.string().regex(/^[0-9]{6}$/, { error: 'the code is 6 digits' }) }),
    output: result(z.object({ phone: z.string(), name: z.string(), status: z.string() })),
  },
  'customers.resendCode': { input: z.strictObject({ phone }), output: result(z.object({})) },
  'float.balance': { input: empty, output: result(float) },
  'float.request': {
    input: z.strictObject({ key, direction: z.enum(['top-up', 'withdrawal']), amount: minor }),
    output: outcome,
  },
  'cashIn.submit': { input: z.strictObject({ key, customerPhone: phone, amount: minor }), output: outcome },
  'cashOut.submit': {
    input: z.strictObject({ key, customerPhone: phone, amount: minor, customerPin: pin }),
    output: outcome,
  },
  'withdrawals.awaiting': { input: empty, output: result(z.array(agentLine)) },
  'withdrawals.handOver': { input: z.strictObject({ key, withdrawalId: z.string() }), output: outcome },
  'commissions.statement': { input: empty, output: result(commissions) },
  'transactions.today': { input: empty, output: result(z.array(agentLine)) },
  'printing.reprint': { input: z.strictObject({ transactionId: z.string() }), output: result(z.object({})) },
  'display.show': { input: z.strictObject({ view: displayView }), output: z.object({}) },
  'display.current': { input: empty, output: displayView },
  'checkout.start': {
    input: z.strictObject({ amount: minor, reference: z.string().max(25).optional() }),
    output: result(paymentRequest),
  },
  'checkout.cancel': { input: z.strictObject({ requestId: z.string() }), output: result(paymentRequest) },
  'checkout.payByCard': { input: z.strictObject({ key, requestId: z.string(), pin }), output: outcome },
  'checkout.finish': { input: z.strictObject({ transactionId: z.string() }), output: result(transaction) },
  'sales.today': { input: empty, output: result(z.array(sale)) },
  'refunds.submit': { input: z.strictObject({ key, paymentId: z.string(), amount: minor }), output: outcome },
  'endOfDay.report': { input: empty, output: result(zReport) },
  'endOfDay.print': { input: empty, output: result(z.object({})) },
  'devices.status': { input: empty, output: deviceStatus },
} as const

export type Channel = keyof typeof channels
export type Input<C extends Channel> = z.input<(typeof channels)[C]['input']>
export type Output<C extends Channel> = z.infer<(typeof channels)[C]['output']>

/** Events pushed to the renderer (and to the customer display). */
export const events = {
  'devices.status': deviceStatus,
  'display.view': displayView,
  /** The request with this key is being retried: its outcome is not known yet. */
  'money.checking': z.object({ key: z.string(), attempt: z.number().int() }),
  'checkout.status': paymentRequest,
  /** A card was tapped or swiped on the reader. */
  'card.read': z.object({ kind: z.enum(['nfc', 'magstripe']), label: z.string() }),
  'card.badRead': z.object({ message: z.string() }),
  /** The terminal changed: signed out, locked, wiped, activated. */
  'terminal.changed': terminalInfo,
} as const
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>

export type Handlers = {
  [C in Channel]: (input: z.infer<(typeof channels)[C]['input']>) => Promise<Output<C>>
}

/** Checks a message on a channel; throws a ZodError on a bad one. */
export function parseInput<C extends Channel>(channel: C, input: unknown) {
  return channels[channel].input.parse(input ?? {}) as z.infer<(typeof channels)[C]['input']>
}

export const isChannel = (c: string): c is Channel => Object.hasOwn(channels, c)
export const isEvent = (e: string): e is EventName => Object.hasOwn(events, e)
