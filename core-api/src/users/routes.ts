import { z } from 'zod'
import type { User, UserService } from './service'
import { isUserError, UserError, userErrorToProblem } from './errors'
import { defineRoute } from '../http/route'
import { personName, phone, pin, uuid } from '../http/schemas'
import { problem } from '../http/problem'
import { wrongPinProblem } from '../auth/errors'

export const user = z.object({
  id: z.uuid(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  kycTier: z.number().int(),
  status: z.string(),
  language: z.string(),
  notifyBySms: z.boolean(),
})

export function userRoutes({ users }: { users: UserService }) {
  const answer = (r: User | UserError | undefined, status = 200) =>
    r === undefined
      ? userErrorToProblem(UserError.UnknownUser)
      : isUserError(r)
        ? userErrorToProblem(r)
        : { status, body: r }
  return [
    defineRoute({
      method: 'post',
      path: '/v1/users',
      summary: 'Register a wallet; a code is sent by SMS to confirm the phone',
      tag: 'users',
      permission: 'public',
      body: z.strictObject({
        phone,
        firstName: personName,
        lastName: personName,
        pin,
        language: z.enum(['en', 'sw']).optional(),
      }),
      responses: { 201: { description: 'Registered, waiting for the SMS code', schema: user } },
      async handler({ body }) {
        const r = await users.register(body)
        return 'error' in r ? userErrorToProblem(r.error, r.detail) : { status: 201, body: r }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/users/confirm-phone',
      summary: 'Confirm the phone with the code sent by SMS',
      tag: 'users',
      permission: 'public',
      body: z.strictObject({
        phone,
        code: z.string().regex(/^[0-9]{6}$/, { error: 'the code is 6 digits' }),
      }),
      responses: { 200: { description: 'Confirmed; the wallet is active', schema: user } },
      handler: async ({ body }) => answer(await users.confirmPhone(body.phone, body.code)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/users/resend-code',
      summary: 'Send the confirmation code again',
      tag: 'users',
      permission: 'public',
      body: z.strictObject({ phone }),
      responses: { 202: { description: 'Sent', schema: z.object({ sent: z.literal(true) }) } },
      async handler({ body }) {
        const r = await users.resendCode(body.phone)
        return r ? userErrorToProblem(r) : { status: 202, body: { sent: true } }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/me',
      summary: 'My profile',
      tag: 'users',
      permission: 'wallet:read',
      responses: { 200: { description: 'Profile', schema: user } },
      handler: async ({ principal }) => answer(await users.get(principal.id)),
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/me',
      summary: 'Change my names, language or SMS notifications',
      tag: 'users',
      permission: 'profile:manage',
      body: z
        .strictObject({
          firstName: personName,
          lastName: personName,
          language: z.enum(['en', 'sw']),
          notifyBySms: z.boolean(),
        })
        .partial()
        .refine((b) => Object.keys(b).length > 0, { error: 'name at least one thing to change' }),
      responses: { 200: { description: 'Updated', schema: user } },
      handler: async ({ principal, body }) => answer(await users.updateProfile(principal.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/me/pin',
      summary: 'Change my PIN (the old one required); my other sessions are signed out',
      tag: 'users',
      permission: 'profile:manage',
      body: z.strictObject({ oldPin: pin, newPin: pin }),
      responses: { 204: { description: 'Changed' } },
      async handler({ principal, body }) {
        const r = await users.changePin(principal.id, { sessionId: principal.sessionId, ...body })
        if (!r) return { status: 204, body: null }
        if (r.error === UserError.WrongPin)
          return r.remainingAttempts !== undefined
            ? wrongPinProblem(r.remainingAttempts, 'old ')
            : problem(
                423,
                'account_locked',
                'Too many wrong PINs: this account is locked. Contact GoPay support.',
              )
        return userErrorToProblem(r.error, r.detail)
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/me/kyc',
      summary: 'Capture my ID document (KYC tier 1)',
      tag: 'users',
      permission: 'kyc:submit',
      body: z.strictObject({
        idType: z.enum(['national_id', 'passport', 'alien_id']),
        idNumber: z.string().regex(/^[A-Z0-9]{5,20}$/),
      }),
      responses: { 200: { description: 'Captured', schema: user } },
      handler: async ({ principal, body }) => answer(await users.submitKyc(principal.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/me/lock',
      summary: 'Lock my account (lost phone, suspected fraud); signs every session out',
      tag: 'users',
      permission: 'account:lock',
      responses: { 200: { description: 'Locked', schema: user } },
      handler: async ({ principal }) =>
        answer(await users.lock(principal.id, { actorId: principal.id, reason: 'locked by the user' })),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/users/:id/kyc/verify',
      summary: 'Mark a user verified (KYC tier 2)',
      tag: 'admin',
      permission: 'kyc:verify',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'Verified', schema: user } },
      handler: async ({ principal, params }) => answer(await users.verifyKyc(params.id, principal.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/users/:id/lock',
      summary: 'Lock a user account',
      tag: 'admin',
      permission: 'users:lock',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(200) }),
      responses: { 200: { description: 'Locked', schema: user } },
      handler: async ({ principal, params, body }) =>
        answer(await users.lock(params.id, { actorId: principal.id, reason: body.reason })),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/users/:id/unlock',
      summary: 'Unlock a user account (also ends a PIN lockout)',
      tag: 'admin',
      permission: 'users:lock',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'Unlocked', schema: user } },
      handler: async ({ principal, params }) =>
        answer(await users.unlock(params.id, { actorId: principal.id })),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/users/:id',
      summary: 'A user, for staff',
      tag: 'admin',
      permission: 'users:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'User', schema: user } },
      async handler({ params }) {
        const u = await users.get(params.id)
        return u ? { status: 200, body: u } : problem(404, 'not_found', 'No such user.')
      },
    }),
  ]
}
