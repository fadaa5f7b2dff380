import { z } from 'zod'
import { problem, type Problem } from '../http/problem'
import type { Answer } from '../http/route'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { uuid } from '../http/schemas'
import { ApprovalError, type ApprovalRequest, type Approvals } from './service'
import { reversalProblems } from '../reversals/problems'

export const approvalRequest = z.object({
  id: z.uuid(),
  kind: z.enum(['reversal', 'tariff_change', 'limit_change']),
  status: z.enum(['pending', 'approved', 'rejected', 'failed']),
  targetId: z.string(),
  reason: z.string(),
  payload: z.unknown(),
  requestedBy: z.uuid(),
  requestedByEmail: z.string().nullable(),
  createdAt: z.string(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  result: z.unknown(),
})

const approvalProblems: Record<ApprovalError, Problem> = {
  [ApprovalError.Unknown]: problem(404, 'not_found', 'No such request.'),
  [ApprovalError.WrongKind]: problem(404, 'not_found', 'No such request of this kind.'),
  [ApprovalError.Duplicate]: problem(
    409,
    'duplicate',
    'A request for this is already waiting for a decision.',
  ),
  [ApprovalError.OwnRequest]: problem(
    403,
    'forbidden',
    'You made this request: another admin must decide it (four eyes).',
  ),
  [ApprovalError.NotPending]: problem(409, 'duplicate', 'This request was already decided.'),
}

export const approvalProblem = (e: ApprovalError) => approvalProblems[e]

/** Failures named by an approval action (a reversal refused by the ledger, say), as problems. */
const failureProblems: Record<string, Problem> = reversalProblems

export function decisionAnswer(
  r: { request: ApprovalRequest; failure?: string; result: Record<string, unknown> } | ApprovalError,
): Answer {
  if (typeof r === 'string') return approvalProblem(r)
  if (r.failure)
    return {
      ...(failureProblems[r.failure] ??
        problem(409, 'validation_failed', `The change could not be made: ${r.failure}.`)),
      requestId: r.request.id,
    }
  return { status: 200, body: { request: r.request, ...r.result } }
}

export function approvalRoutes({ approvals }: { approvals: Approvals }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/approval-requests',
      summary: 'Four-eyes requests (reversals, tariff and limit changes), newest first',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({
        ...pageQuery,
        status: z.enum(['pending', 'approved', 'rejected', 'failed']).optional(),
        kind: z.enum(['reversal', 'tariff_change', 'limit_change']).optional(),
        target: z.string().max(100).optional(),
      }),
      responses: { 200: { description: 'A page of requests', schema: page(approvalRequest) } },
      async handler({ query }) {
        const rows = await approvals.list(query)
        return { status: 200, body: pageOf(rows, query.limit) }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/approval-requests/:id',
      summary: 'One four-eyes request',
      tag: 'admin',
      permission: 'backoffice:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The request', schema: approvalRequest } },
      async handler({ params }) {
        const r = await approvals.get(params.id)
        return r ? { status: 200, body: r } : approvalProblem(ApprovalError.Unknown)
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/approval-requests/:id/approve',
      summary: 'Approve a request of any kind (an admin other than the requester)',
      tag: 'admin',
      permission: 'approvals:decide',
      idempotent: true,
      params: z.strictObject({ id: uuid }),
      responses: {
        200: {
          description: 'Approved',
          schema: z.object({ request: approvalRequest }).catchall(z.unknown()),
        },
      },
      handler: async ({ trx, principal, params }) =>
        decisionAnswer(await approvals.approve(trx, params.id, principal.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/approval-requests/:id/reject',
      summary: 'Reject a request of any kind (an admin other than the requester)',
      tag: 'admin',
      permission: 'approvals:decide',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(300) }),
      responses: { 200: { description: 'Rejected', schema: approvalRequest } },
      async handler({ principal, params, body }) {
        const r = await approvals.reject(params.id, principal.id, body.reason)
        return typeof r === 'string' ? approvalProblem(r) : { status: 200, body: r }
      },
    }),
  ]
}
