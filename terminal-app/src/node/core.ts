import { call, createCoreClient, outcomeUnknown } from '@gopay/api-client'

// The terminal's side of the core API, over the one typed client (@gopay/api-client): who is calling
// (the terminal's credential, an operator's token) and what counts as "the outcome is not known".

/** No definite answer (network down, timeout, 5xx, first try still running): it may or may not have happened. */
export class CoreUnreachable extends Error {
  constructor(cause: unknown) {
    super(`core API gave no definite answer: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/** An RFC 9457 problem answered by the core: a definite refusal. */
export interface Problem {
  status: number
  code: string
  detail: string
}

export type CoreAnswer<T> = { ok: true; status: number; body: T } | { ok: false; problem: Problem }

export interface CoreRequest {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  query?: Record<string, string>
  body?: unknown
  /** Raw bytes (an ID photo) with their content type, instead of JSON. */
  raw?: { contentType: string; bytes: Buffer }
  bearer?: string
  terminalSecret?: string
  idempotencyKey?: string
}

export type CoreFetch = <T>(req: CoreRequest) => Promise<CoreAnswer<T>>

/** Requests to the core at `baseUrl`; a request without a definite answer throws CoreUnreachable. */
export function coreFetch(
  baseUrl: string,
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): CoreFetch {
  const client = createCoreClient({ baseUrl, fetch: opts.fetch })
  // The paths are the core's, looked up from the generated document's path templates.
  type Loose = (
    method: string,
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
  const request = client.request as unknown as Loose
  return async <T>(req: CoreRequest): Promise<CoreAnswer<T>> => {
    const headers: Record<string, string> = {}
    if (req.bearer) headers.authorization = `Bearer ${req.bearer}`
    if (req.terminalSecret) headers['x-terminal-secret'] = req.terminalSecret
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey
    const init: Record<string, unknown> = {
      headers,
      params: { query: req.query },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    }
    if (req.raw) {
      headers['content-type'] = req.raw.contentType
      init.body = new Uint8Array(req.raw.bytes)
      init.bodySerializer = (b: Uint8Array) => b
    } else if (req.body !== undefined) init.body = req.body
    const r = await call(request(req.method.toLowerCase(), req.path, init))
    if (r.ok) return { ok: true, status: r.status, body: r.data as T }
    if (outcomeUnknown(r.failure))
      throw new CoreUnreachable(
        r.failure.kind === 'unreachable' ? r.failure.cause : new Error(`HTTP ${r.failure.status}`),
      )
    const f = r.failure as Extract<typeof r.failure, { kind: 'problem' }>
    return { ok: false, problem: { status: f.status, code: f.code, detail: f.detail } }
  }
}
