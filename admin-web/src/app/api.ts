import {
  call,
  createCoreClient,
  newIdempotencyKey,
  type CoreClient,
  type CoreFailure,
} from '@gopay/api-client'
import { toSession, type Session, type SessionStore } from './session'

export { newIdempotencyKey }

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
  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    opts?: RequestOptions,
  ): Promise<T>
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
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
  const s = p.toString()
  return s ? `${path}?${s}` : path
}

/** The typed client's failure as the page's Problem (one shape for every screen's error state). */
function toProblem(f: CoreFailure): Problem {
  if (f.kind === 'unreachable')
    throw f.cause instanceof Error ? f.cause : new TypeError('The server could not be reached')
  const p = f.problem
  return new Problem(f.status, f.code, String(p.title ?? 'Error'), f.detail, p.errors)
}

// Paths built at run time (ids in them) go through the typed client untyped: the generated `paths`
// name each route once with its {id} placeholders.
type Untyped = (
  path: string,
  init?: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>

/**
 * Calls the core through @gopay/api-client, at the admin web's own origin (its server passes /v1 on
 * to the core). An expired access token is refreshed once (one refresh in flight for all callers);
 * when that fails too, the session ends as "expired" and the shell shows sign-in again.
 */
export function createApi(store: SessionStore, opts: { baseUrl?: string; fetch?: typeof fetch } = {}): Api {
  const client: CoreClient = createCoreClient({
    baseUrl: opts.baseUrl ?? globalThis.location?.origin ?? '',
    accessToken: () => store.get()?.accessToken,
    fetch: opts.fetch,
  })
  const method = (m: string) => (client as unknown as Record<string, Untyped>)[m]!
  let refreshing: Promise<Session | undefined> | undefined

  const refresh = (stale: Session) =>
    (refreshing ??= (async () => {
      try {
        const r = await call(client.POST('/v1/auth/refresh', { body: { refreshToken: stale.refreshToken } }))
        if (!r.ok) {
          // Unreachable is not an expiry: keep the session and let the screen say the server is away.
          if (r.failure.kind === 'unreachable') throw toProblem(r.failure)
          store.set(undefined, 'expired')
          return undefined
        }
        const next = toSession(r.data)
        // Keep what we knew of the principal (email) beyond what refresh returns.
        store.set({ ...next, principal: { ...stale.principal, ...next.principal } })
        return store.get()
      } finally {
        refreshing = undefined
      }
    })())

  async function send<T>(
    verb: string,
    path: string,
    o: RequestOptions,
    parseAs?: 'blob' | 'text',
  ): Promise<{ data: T; status: number }> {
    const attempt = () =>
      call<T>(
        method(verb)(withQuery(path, o.query), {
          body: o.body,
          headers: o.idempotencyKey ? { 'Idempotency-Key': o.idempotencyKey } : undefined,
          parseAs,
        }) as Promise<{ data?: T; error?: unknown; response: Response }>,
      )
    let session = store.get()
    // Refresh ahead of a token known to be dead rather than spend a round trip on a 401.
    if (session && session.expiresAt - 5_000 < Date.now()) session = await refresh(session)
    if (!session) throw new Problem(401, 'unauthorized', 'Your session has ended')
    let r = await attempt()
    if (!r.ok && r.failure.kind === 'problem' && r.failure.status === 401) {
      if (!(await refresh(session))) throw new Problem(401, 'unauthorized', 'Your session has ended')
      r = await attempt()
    }
    if (!r.ok) throw toProblem(r.failure)
    return { data: r.data, status: r.status }
  }

  const api: Api = {
    async request<T>(verb: string, path: string, o: RequestOptions = {}) {
      return (await send<T>(verb, path, o)).data
    },
    get: (path, query) => api.request('GET', path, { query }),
    post: (path, body, o) => api.request('POST', path, { ...o, body: body ?? {} }),
    async blob(path, query) {
      return (await send<Blob>('GET', path, { query }, 'blob')).data
    },
    async signIn(email, password) {
      const r = await call(client.POST('/v1/auth/login', { body: { email, password } }))
      if (!r.ok) throw toProblem(r.failure)
      const s = toSession(r.data)
      s.principal.email = email
      store.set(s)
      return s
    },
    async signOut() {
      const s = store.get()
      try {
        // Revokes the refresh family on the server; the page forgets the tokens whatever happens.
        if (s) await call(method('POST')('/v1/auth/logout', { body: { refreshToken: s.refreshToken } }))
      } finally {
        store.set(undefined, 'signed_out')
      }
    },
  }
  return api
}
