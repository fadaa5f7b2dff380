import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { amount, phone, transaction } from '../http/schemas'
import { TransferError, transferErrorToProblem } from './errors'
import { paymentOutcomes, type TransferService } from './service'

// Every refusal a wallet payment can answer, stored under its idempotency key like a success.
const answers = Object.fromEntries(
  [
    ...Object.entries(paymentOutcomes).map(([outcome, e]) => [outcome, transferErrorToProblem[e]] as const),
    ['no_tariff', transferErrorToProblem[TransferError.NoTariff]] as const,
    ['signed_out', problem(401, 'unauthorized', 'This session was signed out; sign in again.')] as const,
    ['locked', problem(423, 'account_locked', 'This account is locked.')] as const,
    [
      'idempotency_conflict',
      problem(409, 'idempotency_conflict', 'This Idempotency-Key was already used for a different request.'),
    ] as const,
  ].map(([outcome, p]) => [outcome, { status: p.status, body: p }]),
)

export function transferRoutes({ transfers }: { transfers: TransferService }) {
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
      summary: "Pay a merchant's till from my wallet, by till code",
      tag: 'transfers',
      permission: 'merchant_payment:create',
      idempotent: 'in-statement',
      body: z.strictObject({
        merchantCode: z
          .string()
          .regex(/^[A-Z0-9]{3,12}$/, { error: 'merchantCode is 3 to 12 capital letters or digits' }),
        amount,
      }),
      responses: { 201: { description: 'Paid', schema: transaction } },
      handler: ({ principal, idempotency, body }) =>
        transfers.payMerchant({
          principal,
          idempotency: idempotency!,
          answers,
          merchantCode: body.merchantCode,
          amount: BigInt(body.amount),
        }),
    }),
  ]
}
