import { z } from 'zod'
import { defineRoute } from '../http/route'
import { amount, phone, transaction } from '../http/schemas'
import { isTransferError, transferErrorToProblem } from './errors'
import type { TransferService } from './service'

export function transferRoutes({ transfers }: { transfers: TransferService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/transfers',
      summary: 'Send money from my wallet to another wallet (P2P); the fee is charged on top',
      tag: 'transfers',
      permission: 'transfer:create',
      idempotent: true,
      body: z.strictObject({ toPhone: phone, amount, note: z.string().trim().max(140).optional() }),
      responses: { 201: { description: 'Sent', schema: transaction } },
      async handler({ trx, principal, body }) {
        const r = await transfers.sendMoney(trx, {
          payerId: principal.id,
          toPhone: body.toPhone,
          amount: BigInt(body.amount),
          note: body.note,
        })
        return isTransferError(r) ? transferErrorToProblem[r] : { status: 201, body: r }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/merchant-payments',
      summary: "Pay a merchant's till from my wallet, by till code",
      tag: 'transfers',
      permission: 'merchant_payment:create',
      idempotent: true,
      body: z.strictObject({
        merchantCode: z
          .string()
          .regex(/^[A-Z0-9]{3,12}$/, { error: 'merchantCode is 3 to 12 capital letters or digits' }),
        amount,
      }),
      responses: { 201: { description: 'Paid', schema: transaction } },
      async handler({ trx, principal, body }) {
        const r = await transfers.payMerchant(trx, {
          payerId: principal.id,
          merchantCode: body.merchantCode,
          amount: BigInt(body.amount),
        })
        return isTransferError(r) ? transferErrorToProblem[r] : { status: 201, body: r }
      },
    }),
  ]
}
