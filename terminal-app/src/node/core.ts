// The terminal's side of the core API: who is calling (the terminal's credential, an operator's
// tokens) and what counts as "the outcome is not known" (no answer, or a 5xx). Paths and shapes live
// in the one typed client; this module only adds the terminal's rules around it.

/** No answer from the core (network down, timeout) or a 5xx: the request may or may not have happened. */
export class CoreUnreachable extends Error {
  constructor(cause: unknown) {
    super(`core API unreachable: ${cause instanceof Error ? cause.message : String(cause)}`)
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

/** Requests to the core at `baseUrl`; a request that gets no definite answer throws CoreUnreachable. */
export function coreFetch(baseUrl: string, opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): CoreFetch {
  const doFetch = opts.fetch ?? fetch
  return async <T>(req: CoreRequest): Promise<CoreAnswer<T>> => {
    const url = new URL(req.path, baseUrl)
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (req.bearer) headers.authorization = `Bearer ${req.bearer}`
    if (req.terminalSecret) headers['x-terminal-secret'] = req.terminalSecret
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey
    let body: BodyInit | undefined
    if (req.raw) {
      headers['content-type'] = req.raw.contentType
      body = new Uint8Array(req.raw.bytes)
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(req.body)
    }
    let res: Response
    let text: string
    try {
      res = await doFetch(url, {
        method: req.method,
        headers,
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      })
      text = await res.text()
    } catch (e) {
      throw new CoreUnreachable(e)
    }
    if (res.status >= 500) throw new CoreUnreachable(new Error(`HTTP ${res.status}`))
    const parsed = text ? safeJson(text) : undefined
    if (res.ok) return { ok: true, status: res.status, body: parsed as T }
    const p = (parsed ?? {}) as { code?: string; detail?: string; title?: string }
    return {
      ok: false,
      problem: { status: res.status, code: p.code ?? 'unknown', detail: p.detail ?? p.title ?? `HTTP ${res.status}` },
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
