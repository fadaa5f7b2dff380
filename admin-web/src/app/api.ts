import { toSession, type Session, type SessionStore } from './session'

/** An RFC 9457 problem from the core, as a typed failure the screens show in a sentence. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: unknown,
  ) {
    super(detail ?? title)
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  query?: Query
  body?: unknown
  idempotencyKey?: string
}

export interface Api {
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, opts?: RequestOptions): Promise<T>
  get<T>(path: string, query?: Query): Promise<T>
  post<T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>): Promise<T>
  /** A file answer (CSV, ID photo) with the same authentication. */
  blob(path: string, query?: Query): Promise<Blob>
  signIn(email: string, password: string): Promise<Session>
  signOut(): Promise<void>
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
  const s = p.toString()
  return s ? `${path}?${s}` : path
}

async function toProblem(res: Response): Promise<Problem> {
  const text = await res.text()
  try {
    const b = JSON.parse(text) as { code?: string; title?: string; detail?: string; errors?: unknown }
    return new Problem(res.status, b.code ?? 'unknown', b.title ?? res.statusText, b.detail, b.errors)
  } catch {
    return new Problem(res.status, res.status >= 500 ? 'unavailable' : 'unknown', res.statusText || 'Error')
  }
}

/**
 * Calls the core through the admin web's own origin (/v1 is passed through by its server). An expired
 * access token is refreshed once (one refresh in flight for all callers); when that fails too, the
 * session ends as "expired" and the shell shows sign-in again.
 */
export function createApi(store: SessionStore, fetchFn: typeof fetch = (...a) => fetch(...a)): Api {
  let refreshing: Promise<Session | undefined> | undefined

  const refresh = (stale: Session) =>
    (refreshing ??= (async () => {
      try {
        const res = await fetchFn('/v1/auth/refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken: stale.refreshToken }),
        })
        if (!res.ok) {
          store.set(undefined, 'expired')
          return undefined
        }
        const next = toSession(await res.json())
        // Keep what we knew of the principal (email) beyond what refresh returns.
        store.set({ ...next, principal: { ...stale.principal, ...next.principal } })
        return store.get()
      } finally {
        refreshing = undefined
      }
    })())

  async function send(method: string, path: string, opts: RequestOptions, accept?: string): Promise<Response> {
    const attempt = (s: Session | undefined) => {
      const headers: Record<string, string> = {}
      if (accept) headers.accept = accept
      if (opts.body !== undefined) headers['content-type'] = 'application/json'
      if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey
      if (s) headers.authorization = `Bearer ${s.accessToken}`
      return fetchFn(withQuery(path, opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      })
    }
    let session = store.get()
    // Refresh ahead of a token known to be dead rather than spend a round trip on a 401.
    if (session && session.expiresAt - 5_000 < Date.now()) session = await refresh(session)
    if (!session && store.get() === undefined && !path.startsWith('/v1/auth/'))
      throw new Problem(401, 'unauthorized', 'Your session has ended')
    let res = await attempt(session)
    if (res.status === 401 && session) {
      const next = await refresh(session)
      if (!next) throw new Problem(401, 'unauthorized', 'Your session has ended')
      res = await attempt(next)
    }
    if (!res.ok) throw await toProblem(res)
    return res
  }

  const api: Api = {
    async request<T>(method: string, path: string, opts: RequestOptions = {}) {
      const res = await send(method, path, opts)
      if (res.status === 204) return undefined as T
      const type = res.headers.get('content-type') ?? ''
      return (type.includes('json') ? await res.json() : await res.text()) as T
    },
    get: (path, query) => api.request('GET', path, { query }),
    post: (path, body, opts) => api.request('POST', path, { ...opts, body: body ?? {} }),
    async blob(path, query) {
      return (await send('GET', path, { query })).blob()
    },
    async signIn(email, password) {
      const res = await fetchFn('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      if (!res.ok) throw await toProblem(res)
      const s = toSession(await res.json())
      s.principal.email = email
      store.set(s)
      return s
    },
    async signOut() {
      const s = store.get()
      try {
        // Revokes the refresh family on the server; the page forgets the tokens whatever happens.
        if (s)
          await fetchFn('/v1/auth/logout', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${s.accessToken}` },
            body: JSON.stringify({ refreshToken: s.refreshToken }),
          })
      } finally {
        store.set(undefined, 'signed_out')
      }
    },
  }
  return api
}

/** A fresh key per money-moving action, kept by the caller across retries of the same action. */
export const newIdempotencyKey = (): string => crypto.randomUUID()
