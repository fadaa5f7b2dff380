import type { Api, Query } from '../app/api'
import type { ApprovalRequest } from '../reversals/queries'
import type { Page } from '../ui/CursorTable'

export interface PartyRef {
  id: string
  name: string
  phone: string | null
}

export interface TransactionRow {
  id: string
  type: string
  status: string
  amount: number
  fee: number
  currency: string
  reference: string | null
  payer: PartyRef | null
  payee: PartyRef | null
  createdAt: string
}

export interface TransactionDetail {
  transaction: TransactionRow & {
    note: string | null
    metadata: unknown
    originalTransactionId: string | null
  }
  entries: {
    id: string
    kind: string
    description: string | null
    createdAt: string
    postings: {
      accountId: string
      accountType: string
      partyId: string | null
      partyName: string | null
      amount: number
    }[]
  }[]
  partnerCalls: {
    id: string
    partner: string
    operation: string
    reference: string
    status: string
    partnerReference: string | null
    asks: number
    lastError: string | null
    createdAt: string
    settledAt: string | null
  }[]
  flags: { kind: string; reason: string; createdAt: string }[]
}

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
