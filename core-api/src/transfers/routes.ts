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
        const r = await transfers.sendMoney(trx, { payerId: principal.id, toPhone: body.toPhone, amount: BigInt(body.amount), note: body.note })
        return isTransferError(r) ? transferErrorToProblem[r] : { status: 201, body: r }
      },
    }),
  ]
}
