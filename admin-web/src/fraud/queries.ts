import type { Api } from '../app/api'
import type { Page } from '../ui/CursorTable'

export interface Alert {
  id: string
  rule: string
  score: number
  partyId: string
  partyName: string | null
  transactionIds: string[]
  conditions: { condition: string; value: unknown; threshold: unknown }[]
  status: 'open' | 'reviewing' | 'dismissed' | 'actioned'
  note: string | null
  reviewedBy: string | null
  createdAt: string
  updatedAt: string
}

export interface Rule {
  rule: string
  enabled: boolean
  score: number
  params: Record<string, number>
  description: string
  updatedAt: string
}

export interface Backtest {
  rule: string
  from: string
  to: string
  transactionsScanned: number
  alerts: number
  parties: number
  sample: { partyId: string; transactionIds: string[]; conditions: unknown }[]
}

export const fraudKeys = {
  alerts: (status: string, rule: string) => ['fraud', 'alerts', status, rule] as const,
  rules: ['fraud', 'rules'] as const,
}

export const listAlerts = (api: Api, status: string, rule: string, cursor?: string) =>
  api.get<Page<Alert>>('/v1/admin/fraud/alerts', { status, rule, cursor })

export const alertActions = (api: Api, id: string) => ({
  review: (note: string) => api.post<Alert>(`/v1/admin/fraud/alerts/${id}/review`, { note }),
  dismiss: (reason: string) => api.post<Alert>(`/v1/admin/fraud/alerts/${id}/dismiss`, { reason }),
  act: (action: 'lock_account' | 'hold_wallet', reason: string) =>
    api.post<Alert>(`/v1/admin/fraud/alerts/${id}/act`, { action, reason }),
})

export const listRules = (api: Api) => api.get<{ items: Rule[] }>('/v1/admin/fraud/rules')

export const saveRule = (
  api: Api,
  rule: string,
  body: { enabled: boolean; score: number; params: Record<string, number> },
) => api.request<Rule>('PUT', `/v1/admin/fraud/rules/${rule}`, { body })

export const backtestRule = (api: Api, rule: string, params: Record<string, number>, score: number) =>
  api.post<Backtest>(`/v1/admin/fraud/rules/${rule}/backtest`, { params, score })
