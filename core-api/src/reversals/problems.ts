import { problem, type Problem } from '../http/problem'
import { ReversalError } from './service'

/** How each refused reversal is answered (when its four-eyes request is made or approved). */
export const reversalProblems: Record<ReversalError, Problem> = {
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
