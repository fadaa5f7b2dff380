import { problem } from '../http/problem'
import type { Answer } from '../http/route'
import { partnerFlowProblem, type PartnerFlowFailure } from './errors'
import type { PendingTransaction } from './outgoing'
import type { CallState, PartnerCalls } from './partner-calls'

/** The partner's final word as the HTTP answer: 201 done, 202 still with the partner, 422 declined. */
export function stateAnswer(t: PendingTransaction, state: CallState): Answer {
  if (state.status === 'completed')
    return { status: 201, body: { ...t, status: 'completed', ...state.details } }
  if (state.status === 'failed')
    return problem(422, 'declined', `Declined: ${state.reason}. Nothing was taken.`, {
      transactionId: t.id,
      reference: t.reference,
    })
  return { status: 202, body: t }
}

/**
 * A flow that waits on a partner: the pending transaction commits first (202), then the partner is
 * asked and its answer (when it comes within the deadline) becomes the request's answer.
 */
export function partnerAnswer(calls: PartnerCalls, r: PendingTransaction | PartnerFlowFailure): Answer {
  if ('error' in r) return partnerFlowProblem(r.error, r.remainingAttempts)
  return { status: 202, body: r, afterCommit: async () => stateAnswer(r, await calls.run(r.id)) }
}
