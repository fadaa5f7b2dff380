import { z } from 'zod'
import { wrongPinProblem } from '../auth/errors'
import { cardIdentity } from '../cards/routes'
import { CardPaymentError, type CardPaymentService } from '../cards/payments'
import { toJson } from '../http/json'
import { problem, type Problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { amount, pin, uuid } from '../http/schemas'
import { day, receiptSchema } from '../receipts/routes'
import { decodeCursor } from '../receipts/service'
import type { PaymentRequestFeed } from './feed'
import type { SalesService } from './sales'
import type { MerchantService, PaymentRequestView } from './service'

const paymentRequest = z.object({
  id: z.uuid(),
  qr: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reference: z.string().nullable(),
  status: z.enum(['pending', 'paid', 'expired', 'cancelled']),
  expiresAt: z.string(),
  paidTransactionId: z.uuid().nullable(),
})
const noRequest = problem(404, 'not_found', 'No such payment request for this till.')
const tally = z.object({ count: z.number().int(), total: z.number().int() })

const cardProblems: Record<CardPaymentError, Problem> = {
  [CardPaymentError.NotAMerchant]: problem(
    403,
    'forbidden',
    'Only an active merchant till can take card payments.',
  ),
  [CardPaymentError.UnknownCard]: problem(404, 'not_found', 'No GoPay wallet has this card.'),
  [CardPaymentError.CardBlocked]: problem(
    423,
    'account_locked',
    'This card is blocked; ask the holder to contact GoPay.',
  ),
  [CardPaymentError.HolderUnavailable]: problem(
    423,
    'account_locked',
    "The card holder's account is locked.",
  ),
  [CardPaymentError.InvalidPin]: wrongPinProblem(0),
  [CardPaymentError.PinLocked]: problem(
    423,
    'account_locked',
    "The card holder's PIN is locked after too many wrong tries.",
  ),
  [CardPaymentError.NoTariff]: problem(
    503,
    'unavailable',
    'Card payments are not priced in this currency yet.',
  ),
  [CardPaymentError.OverTransactionLimit]: problem(
    422,
    'limit_exceeded',
    "That amount is over the card holder's limit for one transaction.",
  ),
  [CardPaymentError.OverDailyLimit]: problem(
    422,
    'limit_exceeded',
    'That amount would take the card holder over their daily limit.',
  ),
  [CardPaymentError.OverMonthlyLimit]: problem(
    422,
    'limit_exceeded',
    'That amount would take the card holder over their monthly limit.',
  ),
  [CardPaymentError.InsufficientFunds]: problem(
    422,
    'insufficient_funds',
    "The card holder's wallet does not hold enough for this amount and its fee.",
  ),
  [CardPaymentError.UnknownRequest]: noRequest,
  [CardPaymentError.RequestNotPending]: problem(
    409,
    'duplicate',
    'This payment request is already paid, cancelled or expired.',
  ),
  [CardPaymentError.RequestAmountMismatch]: problem(
    400,
    'validation_failed',
    'The amount differs from the payment request.',
  ),
  [CardPaymentError.SelfPayment]: problem(
    400,
    'validation_failed',
    "A till cannot pay itself with its owner's card.",
  ),
}

const FINAL = new Set(['paid', 'expired', 'cancelled'])
/** How often an open stream re-reads its request without a notification (see feed.ts): a safety net. */
const RECHECK_MS = 5_000
/** …and when notifications do not arrive at all (the embedded PGlite). */
const RECHECK_UNLISTENED_MS = 1_000
const PING_MS = 15_000

export function checkoutRoutes({
  merchants,
  paymentFeed,
  cardPayments,
  sales,
}: {
  merchants: MerchantService
  paymentFeed: PaymentRequestFeed
  cardPayments: CardPaymentService
  sales: SalesService
}) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/payment-requests/:id/events',
      summary:
        "A payment request's status as server-sent events: now, then on every change, ending at paid, expired or cancelled",
      tag: 'merchants',
      permission: 'payment_requests:manage',
      params: z.strictObject({ id: uuid }),
      responses: {
        200: {
          description: 'text/event-stream of `event: status` whose data is the payment request',
          contentType: 'text/event-stream',
          schema: paymentRequest,
        },
      },
      async handler({ req, res, principal, params }) {
        const first = await merchants.paymentRequest(principal.id, params.id)
        if (!first) return noRequest
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        })
        res.flushHeaders()
        await new Promise<void>((done) => {
          let last = ''
          let ended = false
          let reading = false
          let again = false
          const timers: NodeJS.Timeout[] = []
          const finish = () => {
            if (ended) return
            ended = true
            unsubscribe()
            for (const t of timers) clearTimeout(t)
            res.end()
            done()
          }
          const emit = (r: PaymentRequestView) => {
            const data = toJson(r)
            if (data !== last) {
              last = data
              res.write(`event: status\ndata: ${data}\n\n`)
            }
            if (FINAL.has(r.status)) finish()
          }
          // One read at a time; a change announced during a read is read again after it.
          const read = async () => {
            if (ended) return
            if (reading) return void (again = true)
            reading = true
            try {
              const r = await merchants.paymentRequest(principal.id, params.id)
              if (r) emit(r)
            } catch (err) {
              req.log?.warn({ err }, 'payment request stream: read failed')
            } finally {
              reading = false
              if (again && !ended) {
                again = false
                void read()
              }
            }
          }
          const unsubscribe = paymentFeed.subscribe(params.id, () => void read())
          req.on('close', finish)
          // Re-read on a slow beat while notifications arrive, on a quick one when they do not.
          let beat = 0
          timers.push(
            setInterval(() => {
              beat += RECHECK_UNLISTENED_MS
              if (!paymentFeed.live() || beat % RECHECK_MS === 0) void read()
            }, RECHECK_UNLISTENED_MS),
          )
          timers.push(setInterval(() => res.write(': ping\n\n'), PING_MS))
          // Expiry is not a write anybody makes: read again just after it, which records it.
          const untilExpiry = Date.parse(first.expiresAt) - Date.now() + 100
          timers.push(setTimeout(() => void read(), Math.max(0, Math.min(untilExpiry, 2 ** 31 - 1))))
          emit(first)
        })
        return { streamed: true }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/payment-requests/:id/cancel',
      summary: 'Cancel a pending payment request (the customer changed their mind)',
      tag: 'merchants',
      permission: 'payment_requests:manage',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'Cancelled', schema: paymentRequest } },
      async handler({ principal, params }) {
        const r = await merchants.cancel(principal.id, params.id)
        if (!r) return noRequest
        if (!r.cancelled)
          return problem(409, 'duplicate', `This payment request is already ${r.request.status}.`, {
            requestStatus: r.request.status,
          })
        return { status: 200, body: r.request }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/card-payments',
      summary: "A GoPay card sale: the card read by the terminal and the holder's PIN pay the till",
      tag: 'merchants',
      permission: 'card_payment:create',
      idempotent: true,
      body: z.strictObject({ card: cardIdentity, pin, amount, paymentRequestId: uuid.optional() }),
      responses: { 201: { description: 'Paid', schema: receiptSchema } },
      async handler({ trx, principal, body }) {
        const r = await cardPayments.pay(trx, {
          merchantId: principal.id,
          card: body.card,
          pin: body.pin,
          amount: BigInt(body.amount),
          paymentRequestId: body.paymentRequestId,
        })
        if ('error' in r)
          return r.error === CardPaymentError.InvalidPin
            ? wrongPinProblem(r.remainingAttempts ?? 0, "card holder's ")
            : cardProblems[r.error]
        return { status: 201, body: r }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/merchants/me/sales',
      summary: "My till's sales of one day, newest first, with what was refunded of each",
      tag: 'merchants',
      permission: 'sales:read',
      query: z.strictObject({
        date: day,
        limit: z.coerce.number().int().min(1).max(100).default(50),
        cursor: z
          .string()
          .max(200)
          .refine((c) => decodeCursor(c) !== null, { error: 'cursor is not one this API gave out' })
          .optional(),
      }),
      responses: {
        200: {
          description: 'A page of sales',
          schema: z.object({
            date: z.string(),
            items: z.array(
              z.object({
                id: z.uuid(),
                reference: z.string(),
                method: z.enum(['qr', 'code', 'card']),
                status: z.enum(['pending', 'completed', 'failed', 'reversed']),
                amount: z.number().int(),
                refunded: z.number().int(),
                refundable: z.number().int(),
                currency: z.string(),
                createdAt: z.string(),
                payer: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: { date: query.date, ...(await sales.day(principal.id, query)) },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/merchants/me/z-report',
      summary: "My till's end-of-day report: sales by method, refunds, fees, net, settlements",
      tag: 'merchants',
      permission: 'sales:read',
      query: z.strictObject({ date: day }),
      responses: {
        200: {
          description: 'The Z-report',
          schema: z.object({
            date: z.string(),
            currency: z.string(),
            sales: tally,
            byMethod: z.object({ qr: tally, code: tally, card: tally }),
            refunds: tally,
            fees: z.number().int(),
            net: z.number().int(),
            settlements: tally,
            generatedAt: z.string(),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await sales.zReport(principal.id, query.date),
      }),
    }),
  ]
}
