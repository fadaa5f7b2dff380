import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './generated/core'

export type { components, paths }

/** The core's RFC 9457 answer, with its stable `code` and whatever extra members a problem carries. */
export type Problem = components['schemas']['Problem'] & Record<string, unknown>

// The stable codes of CONTRACT.md, plus those the core answers besides. A client switches on these,
// never on titles or details (those are sentences for people).
export const problemCodes = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'insufficient_funds',
  'limit_exceeded',
  'invalid_pin',
  'account_locked',
  'idempotency_conflict',
  'duplicate',
  'unavailable',
  'declined',
  'rate_limited',
  'payload_too_large',
  'internal',
] as const
export type ProblemCode = (typeof problemCodes)[number]

/**
 * Why a call did not give its answer. `problem`: the core answered and refused; nothing moved.
 * `unreachable`: no answer came (network down, connection dropped, timeout) — for a money request
 * the outcome is unknown until the same request is sent again with the same Idempotency-Key.
 */
export type CoreFailure =
  | { kind: 'problem'; status: number; code: ProblemCode | (string & {}); detail: string; problem: Problem }
  | { kind: 'unreachable'; cause: unknown }

export type CoreResult<T> = { ok: true; status: number; data: T } | { ok: false; failure: CoreFailure }

export interface CoreClientOptions {
  /** The core API's origin, e.g. http://127.0.0.1:8080 (paths start with /v1). */
  baseUrl: string
  /** The bearer token to send, read on every request (it changes on refresh). */
  accessToken?: () => string | undefined
  /** Headers sent on every request (a terminal's credential, say). */
  headers?: () => Record<string, string>
  fetch?: typeof globalThis.fetch
}

/** The typed client: `client.GET('/v1/me/wallet')`, `client.POST('/v1/cash-ins', { body, params })`. */
export function createCoreClient(opts: CoreClientOptions) {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/$/, ''),
    // Looked up at call time, so a test or a bridge can swap the global fetch.
    fetch: (req) => (opts.fetch ?? globalThis.fetch)(req),
  })
  const auth: Middleware = {
    onRequest({ request }) {
      const token = opts.accessToken?.()
      if (token && !request.headers.has('authorization'))
        request.headers.set('authorization', `Bearer ${token}`)
      for (const [k, v] of Object.entries(opts.headers?.() ?? {}))
        if (!request.headers.has(k)) request.headers.set(k, v)
      return request
    },
  }
  client.use(auth)
  return client
}
export type CoreClient = ReturnType<typeof createCoreClient>

const isProblem = (e: unknown): e is Problem =>
  !!e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'

/**
 * One shape for every answer: `await call(client.POST(...))` gives the data or a typed failure, and
 * never throws for a refusal or a dropped connection.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<CoreResult<T>> {
  let r: Awaited<typeof request>
  try {
    r = await request
  } catch (cause) {
    return { ok: false, failure: { kind: 'unreachable', cause } }
  }
  if (r.response.ok) return { ok: true, status: r.response.status, data: r.data as T }
  const problem: Problem = isProblem(r.error)
    ? r.error
    : {
        type: 'about:blank',
        title: r.response.statusText || 'Error',
        status: r.response.status,
        detail: typeof r.error === 'string' ? r.error : `The core answered ${r.response.status}.`,
        code: r.response.status >= 500 ? 'internal' : 'validation_failed',
      }
  return {
    ok: false,
    failure: {
      kind: 'problem',
      status: r.response.status,
      code: problem.code,
      detail: problem.detail,
      problem,
    },
  }
}

/**
 * A money request whose outcome is not known yet: nothing answered, or the core failed inside
 * (5xx, or 409 while the first try with this key still runs). Send it again with the same key.
 */
export const outcomeUnknown = (f: CoreFailure) =>
  f.kind === 'unreachable' || f.status >= 500 || (f.status === 409 && f.code !== 'idempotency_conflict')

/** A fresh Idempotency-Key for one money-moving intent (kept, and resent, until its outcome is known). */
export const newIdempotencyKey = () => globalThis.crypto.randomUUID()
