import { z } from 'zod'
import { defineRoute } from '../http/route'
import { phone } from '../http/schemas'
import { authErrorToProblem, isAuthError } from './errors'
import type { AuthService } from './service'
import type { AuditService } from '../audit/service'

/** The tokens of a session (a person's, or a service's such as the USSD gateway's). */
export const session = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  principal: z.object({ id: z.uuid(), roles: z.array(z.string()) }),
})

const loginBody = z.union([
  z.strictObject({ phone, pin: z.string().min(1).max(12) }),
  z.strictObject({ email: z.email().max(254), password: z.string().min(1).max(200) }),
])

export function authRoutes({ auth, audit }: { auth: AuthService; audit: AuditService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/auth/logout',
      summary: "Sign out: this session's refresh family is revoked, so neither of its tokens works again",
      tag: 'auth',
      permission: 'session:end',
      responses: { 204: { description: 'Signed out' } },
      async handler({ principal, trx }) {
        await trx.transaction(async (t) => {
          await t('refresh_token_families')
            .where({ id: principal.sessionId, party_id: principal.id })
            .whereNull('revoked_at')
            .update({ revoked_at: t.fn.now(), revoked_reason: 'signed out' })
          if (principal.roles.some((r) => ['admin', 'sub_admin', 'auditor'].includes(r)))
            await audit.record(t, {
              actorId: principal.id,
              action: 'staff.logout',
              targetType: 'session',
              targetId: principal.sessionId,
            })
        })
        return { status: 204, body: null }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/login',
      summary: 'Sign in with phone and PIN, or staff email and password',
      tag: 'auth',
      permission: 'public',
      body: loginBody,
      responses: { 200: { description: 'Signed in', schema: session } },
      async handler({ body }) {
        const result =
          'phone' in body
            ? await auth.loginWithPin(body.phone, body.pin)
            : await auth.loginWithPassword(body.email, body.password)
        if ('accessToken' in result) return { status: 200, body: result }
        if (result.ok) throw new Error('a credential check passed without a session')
        return authErrorToProblem(result.error, result.remainingAttempts)
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/refresh',
      summary: 'Trade a refresh token for a new pair; a reused token signs its whole family out',
      tag: 'auth',
      permission: 'public',
      body: z.strictObject({ refreshToken: z.string().min(10).max(200) }),
      responses: { 200: { description: 'New tokens', schema: session } },
      async handler({ body }) {
        const result = await auth.refresh(body.refreshToken)
        return isAuthError(result) ? authErrorToProblem(result) : { status: 200, body: result }
      },
    }),
  ]
}
