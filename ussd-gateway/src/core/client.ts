import { createCoreClient as createApiClient } from '@gopay/api-client'

/**
 * The core API as the gateway uses it, through the one typed client (@gopay/api-client): paths,
 * parameters and request bodies are checked against the core's OpenAPI document at compile time.
 * An answer is its status and its body, unread: the menus read bodies through core/answers.ts, which
 * checks them at run time (the gateway must not trust a body it did not expect) and types them as the
 * core's document does.
 */
export interface CoreAnswer {
  status: number
  body: unknown
}

/** No answer from the core: not reachable, too slow, or it refused the gateway's own credential. */
export class CoreUnreachable extends Error {}

/** A refusal's stable problem code, and its sentence. */
export const problemCode = (r: CoreAnswer) => field(r.body, 'code')
export const problemDetail = (r: CoreAnswer) => field(r.body, 'detail')
const field = (body: unknown, name: string) => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return typeof v === 'string' ? v : undefined
}

type Language = 'en' | 'sw'
type FeeType = 'p2p' | 'withdrawal' | 'merchant_payment' | 'airtime'

/**
 * What the gateway asks of the core. With the gateway's own credential (role ussd): look-ups,
 * registration, opening a user's session after their PIN. As the user, with the token their PIN
 * opened (`token` first): money-moving calls carry the session step's idempotency key.
 */
export interface CoreClient {
  subscriber(phone: string): Promise<CoreAnswer>
  payee(kind: 'wallet' | 'agent' | 'merchant', ref: string): Promise<CoreAnswer>
  fee(type: FeeType, amount: number): Promise<CoreAnswer>
  billers(): Promise<CoreAnswer>
  billerAccount(billerCode: string, accountNumber: string): Promise<CoreAnswer>
  register(r: {
    phone: string
    firstName: string
    lastName: string
    idNumber: string
    pin: string
    language: Language
  }): Promise<CoreAnswer>
  openUserSession(phone: string, pin: string): Promise<CoreAnswer>
  sessionEnd(e: {
    sessionId: string
    phone: string
    serviceCode?: string
    networkCode?: string
    status: string
    durationMs?: number
    hops?: number
    errorMessage?: string
    lastResponse?: string
    cost?: string
  }): Promise<CoreAnswer>

  transfer(token: string, b: { toPhone: string; amount: number }, key: string): Promise<CoreAnswer>
  withdraw(token: string, b: { agentCode: string; amount: number }, key: string): Promise<CoreAnswer>
  airtime(token: string, b: { phone: string; amount: number }, key: string): Promise<CoreAnswer>
  payBill(
    token: string,
    b: { billerCode: string; accountNumber: string; amount: number },
    key: string,
  ): Promise<CoreAnswer>
  payMerchant(token: string, b: { merchantCode: string; amount: number }, key: string): Promise<CoreAnswer>
  wallet(token: string): Promise<CoreAnswer>
  transactions(token: string, limit: number): Promise<CoreAnswer>
  limits(token: string): Promise<CoreAnswer>
  changePin(token: string, b: { oldPin: string; newPin: string }): Promise<CoreAnswer>
  setLanguage(token: string, language: Language): Promise<CoreAnswer>
  lock(token: string): Promise<CoreAnswer>
}

export function createCoreClient(cfg: {
  baseUrl: string
  serviceSecret: string
  timeoutMs?: number
}): CoreClient {
  // Under the network's 15 s: a late core answer still leaves time to say so.
  const timeoutMs = cfg.timeoutMs ?? 10_000
  const api = createApiClient({
    baseUrl: cfg.baseUrl,
    fetch: (req) => fetch(req, { signal: AbortSignal.timeout(timeoutMs) }),
  })

  /** Sends one request; any answer is an answer (refusals included), no answer is CoreUnreachable. */
  async function send(
    what: string,
    request: () => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  ): Promise<CoreAnswer> {
    try {
      const r = await request()
      return { status: r.response.status, body: r.response.ok ? (r.data ?? null) : (r.error ?? null) }
    } catch (err) {
      throw new CoreUnreachable(`${what}: ${(err as Error).message}`, { cause: err })
    }
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

  let serviceToken: Promise<string> | null = null
  const signIn = () =>
    send('service sign-in', () =>
      api.POST('/v1/auth/service', { body: { service: 'ussd', secret: cfg.serviceSecret } }),
    ).then((r) => {
      const token = field(r.body, 'accessToken')
      if (r.status !== 200 || !token)
        throw new CoreUnreachable(`the core API refused the gateway's service secret (${r.status})`)
      return token
    })
  /** A call with the gateway's own session, signed in again once if the session has expired. */
  async function asService(
    what: string,
    request: (
      headers: Record<string, string>,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  ) {
    serviceToken ??= signIn()
    const token = await serviceToken.catch((e) => ((serviceToken = null), Promise.reject(e)))
    const r = await send(what, () => request(bearer(token)))
    // An expired service token (not a wrong PIN, also a 401): sign in again, once.
    if (r.status !== 401 || problemCode(r) !== 'unauthorized') return r
    serviceToken = signIn()
    const again = await serviceToken
    return send(what, () => request(bearer(again)))
  }

  return {
    subscriber: (phone) =>
      asService('subscriber', (headers) =>
        api.GET('/v1/ussd/subscribers/{phone}', { params: { path: { phone } }, headers }),
      ),
    payee: (kind, ref) =>
      asService('payee', (headers) =>
        api.GET('/v1/ussd/payees/{kind}/{ref}', { params: { path: { kind, ref } }, headers }),
      ),
    fee: (type, amount) =>
      asService('fee', (headers) =>
        api.GET('/v1/ussd/fees', { params: { query: { type, amount } }, headers }),
      ),
    billers: () => asService('billers', (headers) => api.GET('/v1/billers', { headers })),
    billerAccount: (billerCode, accountNumber) =>
      asService('biller account', (headers) =>
        api.GET('/v1/billers/{billerCode}/accounts/{accountNumber}', {
          params: { path: { billerCode, accountNumber } },
          headers,
        }),
      ),
    register: (body) =>
      asService('registration', (headers) => api.POST('/v1/ussd/registrations', { body, headers })),
    openUserSession: (phone, pin) =>
      asService('PIN session', (headers) => api.POST('/v1/ussd/sessions', { body: { phone, pin }, headers })),
    sessionEnd: (body) =>
      asService('session end', (headers) => api.POST('/v1/ussd/session-ends', { body, headers })),

    transfer: (token, body, key) =>
      send('transfer', () =>
        api.POST('/v1/transfers', {
          body,
          params: { header: { 'Idempotency-Key': key } },
          headers: bearer(token),
        }),
      ),
    withdraw: (token, body, key) =>
      send('withdrawal', () =>
        api.POST('/v1/withdrawals', {
          body,
          params: { header: { 'Idempotency-Key': key } },
          headers: bearer(token),
        }),
      ),
    airtime: (token, body, key) =>
      send('airtime', () =>
        api.POST('/v1/airtime', {
          body,
          params: { header: { 'Idempotency-Key': key } },
          headers: bearer(token),
        }),
      ),
    payBill: (token, body, key) =>
      send('bill payment', () =>
        api.POST('/v1/bill-payments', {
          body,
          params: { header: { 'Idempotency-Key': key } },
          headers: bearer(token),
        }),
      ),
    payMerchant: (token, body, key) =>
      send('merchant payment', () =>
        api.POST('/v1/merchant-payments', {
          body,
          params: { header: { 'Idempotency-Key': key } },
          headers: bearer(token),
        }),
      ),
    wallet: (token) => send('wallet', () => api.GET('/v1/me/wallet', { headers: bearer(token) })),
    transactions: (token, limit) =>
      send('transactions', () =>
        api.GET('/v1/me/transactions', { params: { query: { limit } }, headers: bearer(token) }),
      ),
    limits: (token) => send('limits', () => api.GET('/v1/me/limits', { headers: bearer(token) })),
    changePin: (token, body) =>
      send('PIN change', () => api.POST('/v1/me/pin', { body, headers: bearer(token) })),
    setLanguage: (token, language) =>
      send('language', () => api.PATCH('/v1/me', { body: { language }, headers: bearer(token) })),
    lock: (token) => send('lock', () => api.POST('/v1/me/lock', { headers: bearer(token) })),
  }
}
