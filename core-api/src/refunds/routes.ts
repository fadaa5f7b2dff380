import { z } from 'zod'
import { problem, type Problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { amount, transaction, uuid } from '../http/schemas'
import { RefundError, type RefundService } from './service'

const refundProblems: Record<RefundError, Problem> = {
  [RefundError.UnknownPayment]: problem(404, 'not_found', 'No completed payment to this till has that id.'),
  [RefundError.MoreThanPaid]: problem(
    422,
    'limit_exceeded',
    'That is more than is left to refund of this payment.',
  ),
  [RefundError.InsufficientFunds]: problem(
    422,
    'insufficient_funds',
    "The till's balance is not enough for this refund.",
  ),
}

export function refundRoutes({ refunds }: { refunds: RefundService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/refunds',
      summary: 'Refund all or part of a payment to my till; never more than was paid',
      tag: 'merchants',
      permission: 'refunds:create',
      idempotent: true,
      body: z.strictObject({ paymentId: uuid, amount }),
      responses: {
        201: {
          description: 'Refunded',
          schema: transaction.extend({ reference: z.string(), refundedSoFar: z.number().int() }),
        },
      },
      async handler({ trx, principal, body }) {
        const r = await refunds.refund(trx, {
          merchantId: principal.id,
          paymentId: body.paymentId,
          amount: BigInt(body.amount),
        })
        return typeof r === 'string' ? refundProblems[r] : { status: 201, body: r }
      },
    }),
  ]
}
