import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { uuid } from '../http/schemas'
import { KycReviewError, type UserAdmin } from './admin'
import type { UserService } from './service'

const hit = z.object({
  id: z.uuid(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  idNumber: z.string().nullable(),
  kycTier: z.number().int(),
  status: z.string(),
  createdAt: z.string(),
})

const user = z.object({
  id: z.uuid(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  kycTier: z.number().int(),
  status: z.string(),
  language: z.string(),
  notifyBySms: z.boolean(),
})

const detail = z.object({
  profile: z.object({
    id: z.uuid(),
    phone: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    idNumber: z.string().nullable(),
    kycTier: z.number().int(),
    status: z.string(),
    lockedReason: z.string().nullable(),
    language: z.string(),
    createdAt: z.string(),
  }),
  wallet: z
    .object({
      accountId: z.string(),
      currency: z.string(),
      balance: z.number().int(),
      available: z.number().int(),
      held: z.number().int(),
    })
    .nullable(),
  limits: z
    .object({
      tier: z.number().int(),
      currency: z.string(),
      perTransaction: z.number().int(),
      daily: z.number().int(),
      monthly: z.number().int(),
      maxBalance: z.number().int(),
      usedToday: z.number().int(),
      usedThisMonth: z.number().int(),
    })
    .nullable(),
  pin: z.object({ failedAttempts: z.number().int(), lockedAt: z.string().nullable() }),
  kyc: z.array(
    z.object({
      id: z.uuid(),
      tier: z.number().int(),
      idType: z.string(),
      idNumber: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
      reviewedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  devices: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      status: z.string(),
      lastSeenAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  cards: z.array(
    z.object({ id: z.uuid(), kind: z.string(), last4: z.string(), status: z.string(), boundAt: z.string() }),
  ),
})

const kycProblem = (e: KycReviewError) =>
  e === KycReviewError.UnknownUser
    ? problem(404, 'not_found', 'No such user.')
    : problem(409, 'validation_failed', 'This user has no submitted ID waiting for review.')

export function userAdminRoutes({ userAdmin, users }: { userAdmin: UserAdmin; users: UserService }) {
  const current = async (id: string) => {
    const u = await users.get(id)
    return u ? { status: 200, body: u } : problem(404, 'not_found', 'No such user.')
  }
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/users',
      summary: 'Find users by phone, name or ID number (newest first); kyc=submitted: the KYC review queue',
      tag: 'admin',
      permission: 'users:read',
      query: z.strictObject({
        ...pageQuery,
        q: z.string().trim().max(100).optional(),
        kyc: z.enum(['submitted']).optional(),
      }),
      responses: { 200: { description: 'A page of users', schema: page(hit) } },
      async handler({ query }) {
        const rows = await userAdmin.search(query)
        return { status: 200, body: pageOf(rows, query.limit) }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/users/:id/detail',
      summary: "A user's profile, wallet, limits, PIN tries, KYC records, devices and cards",
      tag: 'admin',
      permission: 'users:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The user', schema: detail } },
      async handler({ params }) {
        const d = await userAdmin.detail(params.id)
        return d ? { status: 200, body: d } : problem(404, 'not_found', 'No such user.')
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/users/:id/kyc/approve',
      summary: "Approve the user's submitted ID: KYC tier 2",
      tag: 'admin',
      permission: 'kyc:review',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'Approved', schema: user } },
      async handler({ principal, params }) {
        const e = await userAdmin.approveKyc(params.id, principal.id)
        return e ? kycProblem(e) : current(params.id)
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/users/:id/kyc/reject',
      summary: "Reject the user's submitted ID, with the reason",
      tag: 'admin',
      permission: 'kyc:review',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(300) }),
      responses: { 200: { description: 'Rejected', schema: user } },
      async handler({ principal, params, body }) {
        const e = await userAdmin.rejectKyc(params.id, principal.id, body.reason)
        return e ? kycProblem(e) : current(params.id)
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/users/:id/pin-tries/reset',
      summary: "Reset the user's wrong-PIN count (and a PIN lockout)",
      tag: 'admin',
      permission: 'users:reset_pin_tries',
      params: z.strictObject({ id: uuid }),
      responses: {
        200: {
          description: 'Reset',
          schema: z.object({ failedAttempts: z.literal(0), lockedAt: z.null() }),
        },
      },
      async handler({ principal, params }) {
        return (await userAdmin.resetPinTries(params.id, principal.id))
          ? { status: 200, body: { failedAttempts: 0, lockedAt: null } }
          : problem(404, 'not_found', 'No such user with a PIN.')
      },
    }),
  ]
}
