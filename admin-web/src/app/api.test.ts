import { describe, expect, it } from 'vitest'
import { createApi, Problem } from './api'
import { createSessionStore, type EndReason } from './session'

// The session logic of the page's client, against a scripted core (the e2e test drives the real one).
function memoryStorage() {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  }
}

const pair = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}-0123456789`,
  expiresIn: 900,
  principal: { id: '00000000-0000-4000-8000-000000000001', roles: ['admin'] },
})

function scriptedCore(opts: { refreshWorks: boolean }) {
  const calls: string[] = []
  let issued = 1
  const fetch = async (req: Request) => {
    const url = new URL(req.url)
    calls.push(`${req.method} ${url.pathname}`)
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
      })
    if (url.pathname === '/v1/auth/login') return json(200, pair(1))
    if (url.pathname === '/v1/auth/refresh') {
      await new Promise((r) => setTimeout(r, 20))
      return opts.refreshWorks
        ? json(200, pair(++issued))
        : json(401, {
            type: 'about:blank',
            title: 'Unauthorized',
            status: 401,
            detail: 'revoked',
            code: 'unauthorized',
          })
    }
    // Only the newest access token works.
    return req.headers.get('authorization') === `Bearer access-${issued}` && issued > 1
      ? json(200, { ok: true })
      : json(401, {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'expired',
          code: 'unauthorized',
        })
  }
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch }
}

describe('the admin client session', () => {
  it('refreshes once for many requests refused at the same time, then retries them', async () => {
    const core = scriptedCore({ refreshWorks: true })
    const store = createSessionStore(memoryStorage())
    const api = createApi(store, { baseUrl: 'http://core.test', fetch: core.fetch })
    await api.signIn('admin@gopay.local', 'pw')
    const answers = await Promise.all([
      api.get('/v1/admin/me'),
      api.get('/v1/admin/users'),
      api.get('/v1/admin/health'),
    ])
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(core.calls.filter((c) => c === 'POST /v1/auth/refresh')).toHaveLength(1)
    expect(store.get()?.accessToken).toBe('access-2')
    expect(store.get()?.principal.email).toBe('admin@gopay.local')
  })

  it('ends the session as expired when the refresh is refused', async () => {
    const core = scriptedCore({ refreshWorks: false })
    const store = createSessionStore(memoryStorage())
    const ended: (EndReason | undefined)[] = []
    store.subscribe((s, reason) => void (!s && ended.push(reason)))
    const api = createApi(store, { baseUrl: 'http://core.test', fetch: core.fetch })
    await api.signIn('admin@gopay.local', 'pw')
    const failure = await api.get('/v1/admin/me').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(Problem)
    expect((failure as Problem).status).toBe(401)
    expect(store.get()).toBeUndefined()
    expect(ended).toEqual(['expired'])
  })

  it('signs out through the logout endpoint and forgets the tokens', async () => {
    const core = scriptedCore({ refreshWorks: true })
    const store = createSessionStore(memoryStorage())
    const api = createApi(store, { baseUrl: 'http://core.test', fetch: core.fetch })
    await api.signIn('admin@gopay.local', 'pw')
    await api.signOut()
    expect(core.calls).toContain('POST /v1/auth/logout')
    expect(store.get()).toBeUndefined()
  })
})
