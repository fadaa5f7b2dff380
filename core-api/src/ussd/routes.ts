import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { personName, phone, pin } from '../http/schemas'
import { session } from '../auth/routes'
import { user } from '../users/routes'
import { userErrorToProblem } from '../users/errors'
import type { UserService } from '../users/service'
import type { UssdService } from './service'

/**
 * What the USSD gateway may do with its own credential (role `ussd`): look-ups for the screens before
 * the PIN, registration of the session's number, and opening a session for that number with its PIN.
 * Every money movement then goes through the user's own routes, under the user's own session.
 */
export function ussdRoutes({ ussd, users }: { ussd: UssdService; users: UserService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/auth/service',
      summary: "A service's own session (the USSD gateway), for its configured secret",
      tag: 'auth',
      permission: 'public',
      body: z.strictObject({ service: z.literal('ussd'), secret: z.string().min(16).max(200) }),
      responses: {
        200: { description: 'Tokens', schema: session },
        401: { description: 'Wrong secret' },
      },
      async handler({ body }) {
        const s = await ussd.serviceSession(body.secret)
        return s
          ? { status: 200, body: s }
          : problem(401, 'unauthorized', 'That service secret is not valid here.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/ussd/subscribers/:phone',
      summary: 'Whether a number is registered, and its language',
      tag: 'ussd',
      permission: 'ussd:serve',
      params: z.strictObject({ phone }),
      responses: {
        200: {
          description: 'The subscriber',
          // An unknown number is only `{ registered: false }`: nothing is said about it.
          schema: z.discriminatedUnion('registered', [
            z.object({ registered: z.literal(false) }),
            z.object({
              registered: z.literal(true),
              status: z.enum(['pending_otp', 'active', 'locked', 'closed']),
              firstName: z.string(),
              language: z.enum(['en', 'sw']),
              kycTier: z.number().int(),
            }),
          ]),
        },
      },
      handler: async ({ params }) => ({ status: 200, body: await ussd.subscriber(params.phone) }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/ussd/payees/:kind/:ref',
      summary: 'How a payee is named on a confirm screen (wallet by phone, agent or merchant by code)',
      tag: 'ussd',
      permission: 'ussd:serve',
      params: z.strictObject({ kind: z.enum(['wallet', 'agent', 'merchant']), ref: z.string().max(20) }),
      responses: {
        200: { description: 'The name', schema: z.object({ name: z.string() }) },
        404: { description: 'No such payee' },
      },
      async handler({ params }) {
        const name = await ussd.payeeName(params.kind, params.ref)
        return name ? { status: 200, body: { name } } : problem(404, 'not_found', 'No such payee.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/ussd/fees',
      summary: 'The fee of a transaction type for an amount',
      tag: 'ussd',
      permission: 'ussd:serve',
      query: z.strictObject({
        type: z.enum(['p2p', 'withdrawal', 'merchant_payment', 'airtime']),
        amount: z.coerce.number().int().positive().max(1e14),
      }),
      responses: {
        200: { description: 'The fee', schema: z.object({ fee: z.number().int() }) },
        422: { description: 'Outside every band' },
      },
      async handler({ query }) {
        const fee = await ussd.fee(query.type, BigInt(query.amount))
        return fee === null
          ? problem(422, 'limit_exceeded', 'That amount is outside what GoPay handles in one transaction.')
          : { status: 200, body: { fee } }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/ussd/registrations',
      summary: 'Registers the session’s number (the network vouches for it: no OTP)',
      tag: 'ussd',
      permission: 'ussd:serve',
      body: z.strictObject({
        phone,
        firstName: personName,
        lastName: personName,
        idNumber: z.string().regex(/^[A-Z0-9]{5,20}$/),
        pin,
        language: z.enum(['en', 'sw']).default('en'),
      }),
      responses: { 201: { description: 'Registered', schema: user } },
      async handler({ body }) {
        const u = await users.register(body, { phoneVouched: true })
        if ('error' in u) return userErrorToProblem(u.error, u.detail)
        return { status: 201, body: u }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/ussd/sessions',
      summary: "Opens a session acting for the session's number, with that user's PIN",
      tag: 'ussd',
      permission: 'ussd:serve',
      body: z.strictObject({ phone, pin }),
      responses: {
        200: {
          description: 'An access token for the user',
          schema: z.object({ accessToken: z.string(), expiresIn: z.number().int() }),
        },
      },
      async handler({ body }) {
        const r = await ussd.actFor(body.phone, body.pin)
        if (r.ok) return { status: 200, body: { accessToken: r.accessToken, expiresIn: r.expiresIn } }
        if (r.reason === 'wrong_pin')
          return problem(401, 'invalid_pin', `Wrong PIN: ${r.remainingAttempts} tries left.`, {
            remainingAttempts: r.remainingAttempts,
          })
        if (r.reason === 'locked') return problem(423, 'account_locked', 'This account or its PIN is locked.')
        return problem(404, 'not_found', 'No active GoPay wallet for this number.')
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/ussd/session-ends',
      summary: "The network's end-of-session report, as the gateway received it",
      tag: 'ussd',
      permission: 'ussd:serve',
      body: z.object({
        sessionId: z.string().min(1).max(100),
        phone: z.string().max(20),
        serviceCode: z.string().max(40).optional(),
        networkCode: z.string().max(20).optional(),
        status: z.string().max(40),
        durationMs: z.number().int().nonnegative().optional(),
        hops: z.number().int().nonnegative().optional(),
        errorMessage: z.string().max(500).optional(),
        lastResponse: z.string().max(500).optional(),
        cost: z.string().max(40).optional(),
      }),
      responses: { 204: { description: 'Recorded' } },
      async handler({ body }) {
        await ussd.recordSessionEnd(body)
        return { status: 204, body: null }
      },
    }),
  ]
}
