/** The core API as the gateway uses it: with its own service session, or a user's own token. */
export interface CoreAnswer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the core API, read by field
  body: any
}

/** No answer from the core: not reachable, too slow, or it refused the gateway's own credential. */
export class CoreUnreachable extends Error {}

export interface CoreClient {
  /** With the gateway's own credential (role ussd): look-ups, registration, opening a user's session. */
  service(method: string, path: string, body?: unknown): Promise<CoreAnswer>
  /** As the user, with the token their PIN opened; money-moving calls carry an idempotency key. */
  asUser(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<CoreAnswer>
}

export function createCoreClient(cfg: {
  baseUrl: string
  serviceSecret: string
  timeoutMs?: number
}): CoreClient {
  const base = cfg.baseUrl.replace(/\/$/, '')
  // Under the network's 15 s: a late core answer still leaves time to say so.
  const timeoutMs = cfg.timeoutMs ?? 10_000
  let serviceToken: Promise<string> | null = null

  async function call(method: string, path: string, token: string | null, body?: unknown, key?: string) {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (key) headers['idempotency-key'] = key
    let res: Response
    let text: string
    try {
      res = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
      text = await res.text()
    } catch (err) {
      throw new CoreUnreachable(`${method} ${path}: ${(err as Error).message}`, { cause: err })
    }
    let parsed: CoreAnswer['body']
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = { detail: text }
    }
    return { status: res.status, body: parsed } as CoreAnswer
  }

  const signIn = () =>
    call('POST', '/v1/auth/service', null, { service: 'ussd', secret: cfg.serviceSecret }).then((r) => {
      if (r.status !== 200 || typeof r.body?.accessToken !== 'string')
        throw new CoreUnreachable(`the core API refused the gateway's service secret (${r.status})`)
      return r.body.accessToken as string
    })

  return {
    async service(method, path, body) {
      serviceToken ??= signIn()
      let r = await call(
        method,
        path,
        await serviceToken.catch((e) => ((serviceToken = null), Promise.reject(e))),
        body,
      )
      if (r.status === 401 && r.body?.code === 'unauthorized') {
        // The service token expired (not a wrong PIN, also a 401): sign in again, once.
        serviceToken = signIn()
        r = await call(method, path, await serviceToken, body)
      }
      return r
    },
    asUser: (token, method, path, body, key) => call(method, path, token, body, key),
  }
}
