/**
 * What a partner said about one of our requests, mapped from its own wording. `unreachable` means we
 * do not know (a timeout, a 5xx, a dropped connection): the request may or may not have happened, so
 * the money stays held until the partner says which.
 */
export type PartnerOutcome =
  | { status: 'completed'; partnerReference: string; details?: Record<string, string> }
  | { status: 'failed'; reason: string }
  | { status: 'pending'; partnerReference?: string }
  /** The partner has no record of the reference: it never arrived, and may be sent again. */
  | { status: 'unknown' }
  | { status: 'unreachable'; detail: string }

export interface PartnerHttp {
  /** One call with a deadline; never throws for the partner's own failures. */
  call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ ok: true; status: number; body: Record<string, unknown> } | { ok: false; detail: string }>
}

export function partnerHttp(cfg: { baseUrl: string; apiKey?: string; timeoutMs: number }): PartnerHttp {
  const base = cfg.baseUrl.replace(/\/$/, '')
  return {
    async call(method, path, body) {
      try {
        const res = await fetch(base + path, {
          method,
          headers: {
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(cfg.timeoutMs),
        })
        const text = await res.text()
        if (res.status >= 500) return { ok: false, detail: `partner answered ${res.status}` }
        let parsed: unknown
        try {
          parsed = JSON.parse(text)
        } catch {
          return { ok: false, detail: `partner answered ${res.status} without JSON` }
        }
        if (!parsed || typeof parsed !== 'object')
          return { ok: false, detail: 'partner answered a non-object' }
        return { ok: true, status: res.status, body: parsed as Record<string, unknown> }
      } catch (err) {
        const e = err as Error
        return {
          ok: false,
          detail:
            e.name === 'TimeoutError' ? `no answer within ${cfg.timeoutMs} ms` : `unreachable: ${e.message}`,
        }
      }
    },
  }
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

/**
 * Maps the partner API's answer for one reference (GoPay's partner API: `status` of completed,
 * accepted/processing, declined, or a 404 for a reference it never saw).
 */
export function toOutcome(
  r: Awaited<ReturnType<PartnerHttp['call']>>,
  details: (body: Record<string, unknown>) => Record<string, string> = () => ({}),
): PartnerOutcome {
  if (!r.ok) return { status: 'unreachable', detail: r.detail }
  if (r.status === 404) return { status: 'unknown' }
  const s = str(r.body.status).toLowerCase()
  if (r.status < 300 && s === 'completed')
    return { status: 'completed', partnerReference: str(r.body.partnerReference), details: details(r.body) }
  if (r.status < 300 && (s === 'accepted' || s === 'processing' || s === 'pending'))
    return { status: 'pending', partnerReference: str(r.body.partnerReference) || undefined }
  if (s === 'declined' || s === 'failed' || (r.status >= 400 && r.status < 500))
    return { status: 'failed', reason: str(r.body.reason) || `declined (${r.status})` }
  return { status: 'unreachable', detail: `unexpected answer ${r.status} ${s}` }
}
