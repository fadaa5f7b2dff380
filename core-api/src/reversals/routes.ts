import { z } from 'zod'
import { problem, type Problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { uuid } from '../http/schemas'
import { ReversalError, type ReversalService } from './service'

const reversalProblems: Record<ReversalError, Problem> = {
  [ReversalError.UnknownTransaction]: problem(404, 'not_found', 'No such transaction.'),
  [ReversalError.NotReversible]: problem(
    409,
    'validation_failed',
    'Only a completed transaction can be reversed.',
  ),
  [ReversalError.AlreadyReversed]: problem(409, 'duplicate', 'This transaction was already reversed.'),
  [ReversalError.Flagged]: problem(
    422,
    'insufficient_funds',
    'The recipient no longer holds this money, so nothing was reversed; the transaction is flagged for review.',
  ),
  [ReversalError.Refunded]: problem(
    409,
    'duplicate',
    'The merchant has already refunded part or all of this payment, so it cannot also be reversed; what is left can still be refunded by the merchant.',
  ),
  [ReversalError.PartnerSettled]: problem(
    409,
    'validation_failed',
    'An outside partner (the bank, a biller or the airtime provider) has already settled this transaction, so reversing it here would not bring that money back. Ask the partner for a refund; it is recorded when it arrives.',
  ),
}

export function reversalRoutes({ reversals }: { reversals: ReversalService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/transactions/:id/reverse',
      summary: 'Reverse a completed transaction (money sent to a wrong number, say); once only',
      tag: 'admin',
      permission: 'transactions:reverse',
      idempotent: true,
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(300) }),
      responses: {
        200: { description: 'Reversed', schema: z.object({ id: z.uuid(), status: z.literal('reversed') }) },
      },
      async handler({ trx, principal, params, body }) {
        const r = await reversals.reverse(trx, {
          transactionId: params.id,
          staffId: principal.id,
          reason: body.reason,
        })
        return typeof r === 'string' ? reversalProblems[r] : { status: 200, body: r }
      },
    }),
  ]
}
