import { newIdempotencyKey, type Api } from '../app/api'
import type { Page } from '../ui/CursorTable'
import type { Answer } from '../app/answers'

/** One maker-checker request: a reversal, a tariff change or a limit change. */
export type ApprovalRequest = Answer<'/v1/admin/approval-requests/{id}'>

export const approvalKeys = { list: (status: string, kind: string) => ['approvals', status, kind] as const }

export const listApprovals = (api: Api, status: string, kind: string, cursor?: string) =>
  api.get<Page<ApprovalRequest>>('/v1/admin/approval-requests', { status, kind, cursor })

// The approval moves money (a reversal): one idempotency key per click, so a retried request
// cannot reverse twice.
export const approve = (api: Api, id: string) =>
  api.post(`/v1/admin/approval-requests/${id}/approve`, {}, { idempotencyKey: newIdempotencyKey() })

export const reject = (api: Api, id: string, reason: string) =>
  api.post(`/v1/admin/approval-requests/${id}/reject`, { reason })
