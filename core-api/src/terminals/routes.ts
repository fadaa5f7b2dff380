import { z } from 'zod'
import { wrongPinProblem } from '../auth/errors'
import { problem, type Problem } from '../http/problem'
import { defineRoute, type Answer } from '../http/route'
import { phone, pin, uuid } from '../http/schemas'
import { isTerminalFailure, TerminalError, type TerminalFailure, type TerminalService } from './service'

const terminalProblems: Record<TerminalError, Problem> = {
  [TerminalError.UnknownOwner]: problem(404, 'not_found', 'No agent or till has this code.'),
  [TerminalError.UnknownTerminal]: problem(404, 'not_found', 'No such terminal.'),
  [TerminalError.UnknownCode]: problem(
    404,
    'not_found',
    'This activation code is not valid, was already used or has expired; ask GoPay staff for a new one.',
  ),
  [TerminalError.WrongSecret]: problem(
    401,
    'unauthorized',
    'This terminal is not recognised (wrong or missing X-Terminal-Secret, or wiped); activate it again.',
  ),
  [TerminalError.Locked]: problem(423, 'account_locked', 'This terminal is locked by GoPay staff.'),
  [TerminalError.WipeOrdered]: problem(401, 'unauthorized', 'A wipe of this terminal was ordered.'),
  [TerminalError.NotOwner]: problem(
    403,
    'forbidden',
    "Only this terminal's own agent or merchant can sign in on it.",
  ),
  [TerminalError.InvalidPin]: wrongPinProblem(0),
  [TerminalError.PinLocked]: problem(
    423,
    'account_locked',
    'This account is locked. Contact GoPay support to unlock it.',
  ),
  [TerminalError.NothingToConfirm]: problem(404, 'not_found', 'No wipe of this terminal was ordered.'),
}

export function terminalProblem(f: TerminalFailure): Problem {
  return f.error === TerminalError.InvalidPin
    ? wrongPinProblem(f.remainingAttempts ?? 0)
    : terminalProblems[f.error]
}

const answer = <T>(r: T | TerminalFailure, status = 200): Answer =>
  isTerminalFailure(r) ? terminalProblem(r) : { status, body: r }

export const terminalKind = z.enum(['agent', 'merchant'])
export const terminalSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  kind: terminalKind,
  ownerCode: z.string(),
  ownerName: z.string(),
  status: z.enum(['pending_activation', 'active', 'locked', 'wipe_ordered', 'wiped']),
  lastCheckInAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  createdAt: z.string(),
})
const code = z.string().regex(/^[A-Z0-9]{3,12}$/, { error: 'the code is 3 to 12 capital letters or digits' })
const idParams = z.strictObject({ id: uuid })
const sessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  principal: z.object({ id: z.uuid(), roles: z.array(z.string()) }),
})

/** The terminal's own secret, from its header; a missing one is simply wrong. */
const secretOf = (req: { get(name: string): string | undefined }) => req.get('x-terminal-secret') ?? ''

export function terminalRoutes({ terminals, timezone }: { terminals: TerminalService; timezone: string }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/terminals',
      summary: 'Enrol a terminal for an agent or a till; its one-time activation code is shown once',
      tag: 'terminals',
      permission: 'terminals:manage',
      body: z.union([
        z.strictObject({ agentCode: code, label: z.string().trim().min(1).max(60).optional() }),
        z.strictObject({ tillCode: code, label: z.string().trim().min(1).max(60).optional() }),
      ]),
      responses: {
        201: {
          description: 'Enrolled',
          schema: z.object({ id: z.uuid(), activationCode: z.string(), expiresAt: z.string() }),
        },
      },
      handler: async ({ principal, body }) => answer(await terminals.enrol(principal.id, body), 201),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/terminals',
      summary: "Terminals, newest first (of one agent or till), with each one's last check-in",
      tag: 'terminals',
      permission: 'terminals:read',
      query: z.strictObject({
        agentCode: code.optional(),
        tillCode: code.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      responses: {
        200: { description: 'Terminals', schema: z.object({ items: z.array(terminalSchema) }) },
      },
      handler: async ({ query }) => ({ status: 200, body: { items: await terminals.list(query) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/terminals/:id/lock',
      summary: 'Lock a terminal: everyone signed in on it is signed out, and no one can sign in',
      tag: 'terminals',
      permission: 'terminals:manage',
      params: idParams,
      responses: { 200: { description: 'Locked', schema: terminalSchema } },
      handler: async ({ principal, params }) => answer(await terminals.lock(principal.id, params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/terminals/:id/unlock',
      summary: 'Unlock a terminal',
      tag: 'terminals',
      permission: 'terminals:manage',
      params: idParams,
      responses: { 200: { description: 'Unlocked', schema: terminalSchema } },
      handler: async ({ principal, params }) => answer(await terminals.unlock(principal.id, params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/terminals/:id/wipe',
      summary: 'Order a wipe of a terminal (it learns at its next check-in); everyone on it is signed out',
      tag: 'terminals',
      permission: 'terminals:manage',
      params: idParams,
      responses: { 202: { description: 'Ordered', schema: terminalSchema } },
      handler: async ({ principal, params }) =>
        answer(await terminals.orderWipe(principal.id, params.id), 202),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/terminals/activate',
      summary: 'Activate a terminal with its one-time code; its device secret is given once',
      tag: 'terminals',
      permission: 'public',
      body: z.strictObject({ activationCode: z.string().trim().min(8).max(40) }),
      responses: {
        201: {
          description: 'Activated',
          schema: z.object({
            terminalId: z.uuid(),
            deviceSecret: z.string(),
            kind: terminalKind,
            ownerCode: z.string(),
            label: z.string(),
            currency: z.string(),
          }),
        },
      },
      handler: async ({ body }) => answer(await terminals.activate(body.activationCode), 201),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/terminals/:id/check-in',
      summary: 'A terminal asks what it must do (active, locked, or wipe ordered); records its check-in',
      tag: 'terminals',
      permission: 'public',
      security: 'terminal',
      params: idParams,
      responses: {
        200: {
          description: 'Its state',
          schema: z.object({
            status: z.enum(['active', 'locked', 'wipe_ordered']),
            kind: terminalKind,
            ownerCode: z.string(),
            ownerName: z.string(),
            label: z.string(),
            currency: z.string(),
            serverTime: z.string(),
            timeZone: z.string().describe("GoPay's time zone (IANA), in which the business day is counted"),
          }),
        },
      },
      async handler({ req, params }) {
        const t = await terminals.checkIn(params.id, secretOf(req))
        if (isTerminalFailure(t)) return terminalProblem(t)
        return {
          status: 200,
          body: {
            status:
              t.status === 'wiped' || t.status === 'wipe_ordered'
                ? 'wipe_ordered'
                : t.status === 'locked'
                  ? 'locked'
                  : 'active',
            kind: t.kind,
            ownerCode: t.ownerCode,
            ownerName: t.ownerName,
            label: t.label,
            currency: t.currency,
            serverTime: new Date().toISOString(),
            timeZone: timezone,
          },
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/terminals/:id/wipe-confirmation',
      summary: 'A terminal reports it has wiped itself; its secret stops working',
      tag: 'terminals',
      permission: 'public',
      security: 'terminal',
      params: idParams,
      responses: { 200: { description: 'Recorded', schema: z.object({ status: z.literal('wiped') }) } },
      handler: async ({ req, params }) => answer(await terminals.confirmWipe(params.id, secretOf(req))),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/terminals/:id/sessions',
      summary: "The terminal's agent or merchant signs in on it with phone and PIN",
      tag: 'terminals',
      permission: 'public',
      security: 'terminal',
      params: idParams,
      body: z.strictObject({ phone, pin }),
      responses: { 201: { description: 'Signed in', schema: sessionSchema } },
      handler: async ({ req, params, body }) =>
        answer(await terminals.signIn(params.id, secretOf(req), body), 201),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/terminals/:id/sign-out',
      summary: 'The operator signs out of the terminal: this session ends at once',
      tag: 'terminals',
      permission: 'terminal_session:end',
      params: idParams,
      responses: {
        200: { description: 'Signed out', schema: z.object({ signedOut: z.literal(true) }) },
      },
      handler: async ({ principal, params }) =>
        answer(await terminals.signOut(params.id, principal.sessionId)),
    }),
  ]
}
