import type { Api } from '../app/api'
import type { Page } from '../ui/CursorTable'

export interface UserRow {
  id: string
  phone: string
  firstName: string
  lastName: string
  idNumber: string | null
  kycTier: number
  status: string
  createdAt: string
}

export interface UserDetail {
  profile: {
    id: string
    phone: string
    firstName: string
    lastName: string
    idNumber: string | null
    kycTier: number
    status: string
    lockedReason: string | null
    language: string
    createdAt: string
  }
  wallet: { accountId: string; currency: string; balance: number; available: number; held: number } | null
  limits: {
    tier: number
    currency: string
    perTransaction: number
    daily: number
    monthly: number
    maxBalance: number
    usedToday: number
    usedThisMonth: number
  } | null
  pin: { failedAttempts: number; lockedAt: string | null }
  kyc: {
    id: string
    tier: number
    idType: string
    idNumber: string
    status: string
    reason: string | null
    reviewedBy: string | null
    createdAt: string
  }[]
  devices: { id: string; label: string; status: string; lastSeenAt: string | null; createdAt: string }[]
  cards: { id: string; kind: string; last4: string; status: string; boundAt: string }[]
}

export const userKeys = {
  search: (q: string) => ['users', 'search', q] as const,
  detail: (id: string) => ['users', id] as const,
}

export const searchUsers = (api: Api, q: string, cursor?: string) =>
  api.get<Page<UserRow>>('/v1/admin/users', { q, cursor })

export const getUserDetail = (api: Api, id: string) => api.get<UserDetail>(`/v1/admin/users/${id}/detail`)

export const userActions = (api: Api, id: string) => ({
  approveKyc: () => api.post(`/v1/admin/users/${id}/kyc/approve`),
  rejectKyc: (reason: string) => api.post(`/v1/admin/users/${id}/kyc/reject`, { reason }),
  lock: (reason: string) => api.post(`/v1/admin/users/${id}/lock`, { reason }),
  unlock: () => api.post(`/v1/admin/users/${id}/unlock`),
  resetPinTries: () => api.post(`/v1/admin/users/${id}/pin-tries/reset`),
  idPhoto: () => api.blob(`/v1/admin/users/${id}/id-photo`),
})
