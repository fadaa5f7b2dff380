import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { amount, phone, transaction } from '../http/schemas'
import { TransferError, transferErrorToProblem } from './errors'
import { paymentOutcomes, type TransferService } from './service'
import { currencyNumeric, parseMerchantQr, QrError } from '../merchants/emvco'

// Every refusal a wallet payment can answer, stored under its idempotency key like a success.
const answers = Object.fromEntries(
  [
    ...Object.entries(paymentOutcomes).map(([outcome, e]) => [outcome, transferErrorToProblem[e]] as const),
    ['no_tariff', transferErrorToProblem[TransferError.NoTariff]] as const,
    ['unknown_request', problem(404, 'not_found', 'This payment request is not one of this till.')] as const,
    [
      'request_not_pending',
      problem(409, 'duplicate', 'This payment request was already paid or cancelled.'),
    ] as const,
    [
      'request_expired',
      problem(422, 'validation_failed', 'This payment request has expired: ask for a new QR code.'),
    ] as const,
    [
      'request_amount_mismatch',
      problem(422, 'validation_failed', 'The amount differs from the payment request.'),
    ] as const,
    ['signed_out', problem(401, 'unauthorized', 'This session was signed out; sign in again.')] as const,
    ['locked', problem(423, 'account_locked', 'This account is locked.')] as const,
    [
      'idempotency_conflict',
      problem(409, 'idempotency_conflict', 'This Idempotency-Key was already used for a different request.'),
    ] as const,
  ].map(([outcome, p]) => [outcome, { status: p.status, body: p }]),
)

export function transferRoutes({ transfers, currency }: { transfers: TransferService; currency: string }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/transfers',
      summary: 'Send money from my wallet to another wallet (P2P); the fee is charged on top',
      tag: 'transfers',
      permission: 'transfer:create',
      idempotent: 'in-statement',
      body: z.strictObject({ toPhone: phone, amount, note: z.string().trim().max(140).optional() }),
      responses: { 201: { description: 'Sent', schema: transaction } },
      handler: ({ principal, idempotency, body }) =>
        transfers.sendMoney({
          principal,
          idempotency: idempotency!,
          answers,
          toPhone: body.toPhone,
          amount: BigInt(body.amount),
          note: body.note,
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/merchant-payments',
      summary:
        "Pay a merchant from my wallet: by till code and amount, or by scanning its QR (static, or a payment request's)",
      tag: 'transfers',
      permission: 'merchant_payment:create',
      idempotent: 'in-statement',
      body: z.union([
        z.strictObject({
          merchantCode: z
            .string()
            .regex(/^[A-Z0-9]{3,12}$/, { error: 'merchantCode is 3 to 12 capital letters or digits' }),
          amount,
        }),
        z.strictObject({ qr: z.string().min(20).max(512), amount: amount.optional() }),
      ]),
      responses: { 201: { description: 'Paid', schema: transaction } },
      async handler({ principal, idempotency, body }) {
        let pay: { merchantCode: string; amount: bigint; requestId?: string; reference?: string }
        if ('qr' in body) {
          let q: ReturnType<typeof parseMerchantQr>
          try {
            q = parseMerchantQr(body.qr)
          } catch (err) {
            if (err instanceof QrError) return problem(400, 'validation_failed', err.message)
            throw err
          }
          if (q.currencyNumeric !== currencyNumeric(currency))
            return problem(400, 'validation_failed', 'This QR code asks for another currency.')
          if (q.amount === undefined && body.amount === undefined)
            return problem(400, 'validation_failed', 'This QR code has no amount: enter the amount to pay.')
          if (q.amount !== undefined && body.amount !== undefined && BigInt(body.amount) !== q.amount)
            return problem(400, 'validation_failed', 'The amount differs from the one in the QR code.')
          pay = {
            merchantCode: q.merchantCode,
            amount: q.amount ?? BigInt(body.amount!),
            requestId: q.requestId,
            reference: q.reference,
          }
        } else pay = { merchantCode: body.merchantCode, amount: BigInt(body.amount) }
        return transfers.payMerchant({ principal, idempotency: idempotency!, answers, ...pay })
      },
    }),
  ]
}
