import type { Api } from '../app/api'
import type { Page } from '../ui/CursorTable'
import type { Answer, Row } from '../app/answers'

export type Alert = Answer<'/v1/admin/fraud/alerts/{id}'>

export type Rule = Row<'/v1/admin/fraud/rules'>

export type Backtest = Answer<'/v1/admin/fraud/rules/{rule}/backtest', 'post'>

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

// The score does not change which payments a rule catches: only the thresholds are back-tested.
export const backtestRule = (api: Api, rule: string, params: Record<string, number>) =>
  api.post<Backtest>(`/v1/admin/fraud/rules/${rule}/backtest`, { params })
