import { z } from 'zod'
import { ApprovalError, type Approvals } from '../approvals/service'
import { approvalRequest, approvalProblem, decisionAnswer } from '../approvals/routes'
import { defineRoute } from '../http/route'
import { uuid } from '../http/schemas'
import { ReversalError } from './service'
import { reversalProblems } from './problems'

/**
 * Four-eyes reversal: a sub-admin or admin asks, another admin approves (the reversal is posted then)
 * or rejects. There is no one-person reversal.
 */
export function reversalRoutes({ approvals }: { approvals: Approvals }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/transactions/:id/reversal-requests',
      summary: 'Ask for a transaction to be reversed; another admin decides',
      tag: 'admin',
      permission: 'reversals:request',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(300) }),
      responses: { 201: { description: 'Requested', schema: approvalRequest } },
      async handler({ trx, principal, params, body }) {
        return trx.transaction(async (t) => {
          const tx = await t('transactions').where({ id: params.id }).first('status')
          if (!tx) return reversalProblems[ReversalError.UnknownTransaction]
          if (tx.status === 'reversed') return reversalProblems[ReversalError.AlreadyReversed]
          if (tx.status !== 'completed') return reversalProblems[ReversalError.NotReversible]
          const r = await approvals.request(t, {
            kind: 'reversal',
            targetId: params.id,
            payload: {},
            reason: body.reason,
            requestedBy: principal.id,
          })
          return r === ApprovalError.Duplicate ? approvalProblem(r) : { status: 201, body: r }
        })
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/reversal-requests/:id/approve',
      summary: 'Approve a reversal request (an admin other than the requester): the reversal is posted',
      tag: 'admin',
      permission: 'approvals:decide',
      idempotent: true,
      params: z.strictObject({ id: uuid }),
      responses: {
        200: {
          description: 'Approved and reversed',
          schema: z.object({
            request: approvalRequest,
            reversal: z.object({ id: z.uuid(), status: z.literal('reversed') }),
          }),
        },
      },
      async handler({ trx, principal, params }) {
        return decisionAnswer(await approvals.approve(trx, params.id, principal.id, 'reversal'))
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/reversal-requests/:id/reject',
      summary: 'Reject a reversal request (an admin other than the requester)',
      tag: 'admin',
      permission: 'approvals:decide',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(300) }),
      responses: { 200: { description: 'Rejected', schema: approvalRequest } },
      async handler({ principal, params, body }) {
        const r = await approvals.reject(params.id, principal.id, body.reason, 'reversal')
        return typeof r === 'string' ? approvalProblem(r) : { status: 200, body: r }
      },
    }),
  ]
}
