import type { Api } from '../app/api'
import type { Page } from '../ui/CursorTable'
import type { Answer, Row } from '../app/answers'

export type UserRow = Row<'/v1/admin/users'>

export type UserDetail = Answer<'/v1/admin/users/{id}/detail'>

export const userKeys = {
  search: (q: string, kyc = false) => ['users', 'search', q, kyc] as const,
  detail: (id: string) => ['users', id] as const,
}

/** `kyc`: only users whose ID waits for review (the KYC queue). */
export const searchUsers = (api: Api, q: string, cursor?: string, kyc = false) =>
  api.get<Page<UserRow>>('/v1/admin/users', { q, cursor, kyc: kyc ? 'submitted' : undefined })

export const getUserDetail = (api: Api, id: string) => api.get<UserDetail>(`/v1/admin/users/${id}/detail`)

export const userActions = (api: Api, id: string) => ({
  approveKyc: () => api.post(`/v1/admin/users/${id}/kyc/approve`),
  rejectKyc: (reason: string) => api.post(`/v1/admin/users/${id}/kyc/reject`, { reason }),
  lock: (reason: string) => api.post(`/v1/admin/users/${id}/lock`, { reason }),
  unlock: () => api.post(`/v1/admin/users/${id}/unlock`),
  resetPinTries: () => api.post(`/v1/admin/users/${id}/pin-tries/reset`),
  idPhoto: () => api.blob(`/v1/admin/users/${id}/id-photo`),
})
