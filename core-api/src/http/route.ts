import type { Db, Executor } from '@gopay/db'
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express'
import { z, type ZodType } from 'zod'
import { can, type Permission } from '../auth/permissions'
import type { AuthService } from '../auth/service'
import type { Principal, TokenSigner } from '../auth/tokens'
import type { IdempotencyService } from '../idempotency/service'
import { toJson } from './json'
import { problem, sendProblem, type Problem } from './problem'

/** What a handler answers: a status and body, or a problem (an expected failure). */
export type Answer =
  | {
      status: number
      body: unknown
      headers?: Record<string, string>
      /** A body that is not JSON (a CSV report): sent as it is, with this content type. */
      contentType?: string
      replayed?: boolean
      /**
       * Work that must follow the commit (asking a partner about money already held): its answer
       * replaces this one, for this request and for replays of its key.
       */
      afterCommit?: () => Promise<Answer>
    }
  | Problem
  /** The handler wrote the answer itself (an event stream). */
  | { streamed: true }

export interface HandlerContext<B, Q, P> {
  req: Request
  /** For answers written by the handler itself (event streams); it then answers `streamed`. */
  res: Response
  body: B
  query: Q
  params: P
  principal: Principal
  /** The transaction that holds the idempotency claim (money-moving routes only). */
  trx: Executor
  /** The request's key and fingerprint, for routes that claim it inside their own statement. */
  idempotency?: { key: string; fingerprint: string }
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  tag: string
  /** `public` routes need no token; every other route names its permission. */
  permission: Permission | 'public'
  body?: ZodType<B>
  query?: ZodType<Q>
  params?: ZodType<P>
  /**
   * Money-moving: needs an Idempotency-Key. `true`: the handler runs in one transaction with the
   * idempotency claim and its stored answer. `'in-statement'`: the handler claims the key, checks the
   * session and stores its answer inside its own single statement (the wallet payment path).
   */
  idempotent?: boolean | 'in-statement'
  /** A `public` route that a terminal calls with its own secret (`X-Terminal-Secret`), for the document. */
  security?: 'terminal'
  /** A raw (non-JSON) body of these media types, up to `limit` (the JSON limit stays 16kb elsewhere). */
  rawBody?: { types: string[]; limit: string }
  /** Answers of another media type than JSON (an image, an event stream): `schema` describes them. */
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>
  handler(ctx: HandlerContext<B, Q, P>): Promise<Answer>
}

export const defineRoute = <B, Q, P>(spec: RouteSpec<B, Q, P>) => spec as unknown as RouteSpec

const isProblem = (a: Answer): a is Problem => 'code' in a && 'type' in a && 'title' in a
const isStreamed = (a: Answer): a is { streamed: true } => 'streamed' in a

function validationProblem(where: string, error: z.ZodError): Problem {
  const errors = error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }))
  const first = errors[0]!
  return problem(400, 'validation_failed', `${first.path}: ${first.message}`, { errors })
}

export interface RouteDeps {
  db: Db
  tokens: TokenSigner
  auth: AuthService
  idempotency: IdempotencyService
}

function send(res: Response, a: Answer) {
  if (isStreamed(a)) return
  if (isProblem(a)) return sendProblem(res, a)
  if (a.replayed) res.setHeader('Idempotent-Replayed', 'true')
  if (a.status >= 400) return sendProblem(res, a.body as Problem)
  for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v)
  // Bytes (an image) go out as they are, with the content type the handler set.
  if (Buffer.isBuffer(a.body)) return res.status(a.status).send(a.body)
  if (a.contentType) return res.status(a.status).type(a.contentType).send(a.body)
  res.status(a.status).type('application/json').send(toJson(a.body))
}

const lockedProblem = problem(423, 'account_locked', 'This account is locked.')
const signedOutProblem = problem(401, 'unauthorized', 'This session was signed out; sign in again.')

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{8,255}$/

export function mountRoute(router: Router, spec: RouteSpec, deps: RouteDeps) {
  const authenticate: RequestHandler = async (req, res, next) => {
    if (spec.permission === 'public') return next()
    const header = req.get('authorization') ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    const principal = token ? deps.tokens.verifyAccess(token) : null
    if (!principal)
      return sendProblem(
        res,
        problem(401, 'unauthorized', 'Sign in first: the access token is missing, expired or not valid.'),
      )
    // Money-moving routes check the session inside their transaction's first statement instead.
    const session = spec.idempotent ? 'active' : await deps.auth.isSessionActive(principal)
    if (session === 'locked') return sendProblem(res, lockedProblem)
    if (session !== 'active') return sendProblem(res, signedOutProblem)
    if (!can(principal.roles, spec.permission))
      return sendProblem(res, problem(403, 'forbidden', `Your role may not do this (${spec.permission}).`))
    res.locals.principal = principal
    next()
  }

  const handle = async (req: Request, res: Response, _next: NextFunction) => {
    const parts: Array<[string, ZodType | undefined, unknown]> = [
      ['params', spec.params, req.params],
      ['query', spec.query, req.query],
      ['body', spec.body, req.body],
    ]
    const parsed: Record<string, unknown> = {}
    for (const [where, schema, value] of parts) {
      if (!schema) continue
      const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}))
      if (!r.success) return sendProblem(res, validationProblem(where, r.error))
      parsed[where] = r.data
    }
    const principal = res.locals.principal as Principal
    const ctx = { req, res, body: parsed.body, query: parsed.query, params: parsed.params, principal }
    if (!spec.idempotent) return send(res, await spec.handler({ ...ctx, trx: deps.db }))

    const key = req.get('idempotency-key')
    if (!key || !IDEMPOTENCY_KEY.test(key))
      return sendProblem(
        res,
        problem(
          400,
          'validation_failed',
          'Money-moving requests need an Idempotency-Key header of 8 to 255 letters, digits or -_:.',
        ),
      )
    const fingerprint = deps.idempotency.fingerprint(req.method, req.baseUrl + req.path, req.body)
    if (spec.idempotent === 'in-statement')
      return send(res, await spec.handler({ ...ctx, trx: deps.db, idempotency: { key, fingerprint } }))
    const outcome = await deps.db.transaction(async (trx): Promise<Answer> => {
      const claim = await deps.idempotency.claim(trx, principal, key, fingerprint)
      if (claim.kind === 'locked') return lockedProblem
      if (claim.kind === 'signed_out') return signedOutProblem
      if (claim.kind === 'conflict')
        return problem(
          409,
          'idempotency_conflict',
          'This Idempotency-Key was already used for a different request.',
        )
      if (claim.kind === 'replay') {
        res.setHeader('Idempotent-Replayed', 'true')
        const { status, body } = claim.response
        return status >= 400 ? (body as Problem) : { status, body }
      }
      const answer = await spec.handler({ ...ctx, trx })
      if (isStreamed(answer)) throw new Error('a money-moving route cannot stream its answer')
      // Expected failures are answered (and stored) too: services report them before their first write.
      await deps.idempotency.complete(
        trx,
        principal.id,
        key,
        isProblem(answer) ? { status: answer.status, body: answer } : answer,
      )
      return answer
    })
    if (!isProblem(outcome) && !isStreamed(outcome) && outcome.afterCommit) {
      const final = await outcome.afterCommit()
      if (isStreamed(final)) throw new Error('a money-moving route cannot stream its answer')
      await deps.idempotency.complete(
        deps.db,
        principal.id,
        key,
        isProblem(final) ? { status: final.status, body: final } : final,
      )
      return send(res, final)
    }
    send(res, outcome)
  }

  const raw: RequestHandler[] = spec.rawBody
    ? [express.raw({ type: spec.rawBody.types, limit: spec.rawBody.limit })]
    : []
  router[spec.method](spec.path, authenticate, ...raw, handle)
}
