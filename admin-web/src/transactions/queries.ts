import type { Api, Query } from '../app/api'
import type { ApprovalRequest } from '../reversals/queries'
import type { Page } from '../ui/CursorTable'
import type { Answer, Row } from '../app/answers'

export interface PartyRef {
  id: string
  name: string
  phone: string | null
}

export type TransactionRow = Row<'/v1/admin/transactions'>

export type TransactionDetail = Answer<'/v1/admin/transactions/{id}'>

export interface TransactionFilters {
  type?: string
  status?: string
  from?: string
  to?: string
  party?: string
  min?: string
  max?: string
  q?: string
}

export const transactionKeys = {
  list: (f: TransactionFilters) => ['transactions', 'list', f] as const,
  detail: (id: string) => ['transactions', id] as const,
  reversals: (id: string) => ['approvals', 'of', id] as const,
}

export const listTransactions = (api: Api, f: TransactionFilters, cursor?: string) =>
  api.get<Page<TransactionRow>>('/v1/admin/transactions', { ...(f as Query), cursor })

export const getTransaction = (api: Api, id: string) =>
  api.get<TransactionDetail>(`/v1/admin/transactions/${id}`)

/** The four-eyes requests about one transaction (its reversal requests), newest first. */
export const reversalRequestsOf = (api: Api, id: string) =>
  api.get<Page<ApprovalRequest>>('/v1/admin/approval-requests', { kind: 'reversal', target: id, limit: 20 })

export const requestReversal = (api: Api, id: string, reason: string) =>
  api.post<ApprovalRequest>(`/v1/admin/transactions/${id}/reversal-requests`, { reason })
