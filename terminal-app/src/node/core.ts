import { call, createCoreClient as createApiClient, outcomeUnknown, type paths } from '@gopay/api-client'

/**
 * The core API as the terminal uses it, through the one typed client (@gopay/api-client): one method per
 * call, its path, parameters, body and answer checked against the core's OpenAPI document at compile
 * time. Who is calling is explicit: the terminal itself (its device secret, X-Terminal-Secret) or the
 * signed-in operator (their access token, first argument). Money requests carry their Idempotency-Key.
 */

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

/** The JSON body an operation takes, as the core's document describes it. */
type JsonBody<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never

/** The requests that move money: kept in the vault until the core has answered them definitely. */
export type MoneyRequest =
  | { kind: 'cash-in'; body: JsonBody<paths['/v1/cash-ins']['post']> }
  | { kind: 'cash-out'; body: JsonBody<paths['/v1/cash-outs']['post']> }
  | { kind: 'float-top-up'; body: JsonBody<paths['/v1/agents/me/float/top-ups']['post']> }
  | { kind: 'float-withdrawal'; body: JsonBody<paths['/v1/agents/me/float/withdrawals']['post']> }
  | { kind: 'withdrawal-handover'; withdrawalId: string }
  | { kind: 'card-payment'; body: JsonBody<paths['/v1/card-payments']['post']> }
  | { kind: 'refund'; body: JsonBody<paths['/v1/refunds']['post']> }
export const moneyKinds = [
  'cash-in',
  'cash-out',
  'float-top-up',
  'float-withdrawal',
  'withdrawal-handover',
  'card-payment',
  'refund',
] as const satisfies readonly MoneyRequest['kind'][]

/** A payment request's status, as answered and as sent on its event stream. */
export type PaymentRequestAnswer =
  paths['/v1/payment-requests/{id}']['get']['responses'][200]['content']['application/json']
export type PaymentRequestEvent =
  paths['/v1/payment-requests/{id}/events']['get']['responses'][200]['content']['text/event-stream']

export type ZReportAnswer =
  paths['/v1/merchants/me/z-report']['get']['responses'][200]['content']['application/json']

type Sent<T> = Promise<{ data?: T; error?: unknown; response: Response }>

export function createCoreClient(cfg: { baseUrl: string; timeoutMs?: number; fetch?: typeof fetch }) {
  const api = createApiClient({ baseUrl: cfg.baseUrl, fetch: cfg.fetch })
  const timeoutMs = cfg.timeoutMs ?? 15_000

  /** Any answer is an answer (refusals included); no definite answer throws CoreUnreachable. */
  async function send<T>(request: Sent<T>): Promise<CoreAnswer<T>> {
    const r = await call(request)
    if (r.ok) return { ok: true, status: r.status, body: r.data }
    const f = r.failure
    if (f.kind === 'unreachable') throw new CoreUnreachable(f.cause)
    if (outcomeUnknown(f)) throw new CoreUnreachable(new Error(`HTTP ${f.status}`))
    return { ok: false, problem: { status: f.status, code: f.code, detail: f.detail } }
  }
  const timeout = () => AbortSignal.timeout(timeoutMs)
  const operator = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, signal: timeout() })
  const device = (secret: string) => ({ headers: { 'x-terminal-secret': secret }, signal: timeout() })
  const once = (key: string) => ({ header: { 'Idempotency-Key': key } })

  /** Sends a money request with its idempotency key; the same key is sent again on every retry. */
  const moveMoney = (token: string, req: MoneyRequest, key: string) => {
    switch (req.kind) {
      case 'cash-in':
        return send(api.POST('/v1/cash-ins', { params: once(key), body: req.body, ...operator(token) }))
      case 'cash-out':
        return send(api.POST('/v1/cash-outs', { params: once(key), body: req.body, ...operator(token) }))
      case 'float-top-up':
        return send(
          api.POST('/v1/agents/me/float/top-ups', { params: once(key), body: req.body, ...operator(token) }),
        )
      case 'float-withdrawal':
        return send(
          api.POST('/v1/agents/me/float/withdrawals', {
            params: once(key),
            body: req.body,
            ...operator(token),
          }),
        )
      case 'withdrawal-handover':
        return send(
          api.POST('/v1/agents/me/withdrawals/{id}/handover', {
            params: { ...once(key), path: { id: req.withdrawalId } },
            ...operator(token),
          }),
        )
      case 'card-payment':
        return send(api.POST('/v1/card-payments', { params: once(key), body: req.body, ...operator(token) }))
      case 'refund':
        return send(api.POST('/v1/refunds', { params: once(key), body: req.body, ...operator(token) }))
    }
  }

  return {
    // As the terminal itself.
    activate: (activationCode: string) =>
      send(api.POST('/v1/terminals/activate', { body: { activationCode }, signal: timeout() })),
    checkIn: (terminalId: string, secret: string) =>
      send(
        api.POST('/v1/terminals/{id}/check-in', { params: { path: { id: terminalId } }, ...device(secret) }),
      ),
    confirmWipe: (terminalId: string, secret: string) =>
      send(
        api.POST('/v1/terminals/{id}/wipe-confirmation', {
          params: { path: { id: terminalId } },
          ...device(secret),
        }),
      ),
    signIn: (terminalId: string, secret: string, body: { phone: string; pin: string }) =>
      send(
        api.POST('/v1/terminals/{id}/sessions', {
          params: { path: { id: terminalId } },
          body,
          ...device(secret),
        }),
      ),
    refresh: (refreshToken: string) =>
      send(api.POST('/v1/auth/refresh', { body: { refreshToken }, signal: timeout() })),
    // Public: the customer's phone is confirmed with the code the core sent it by SMS.
    confirmPhone: (body: { phone: string; code: string }) =>
      send(api.POST('/v1/users/confirm-phone', { body, signal: timeout() })),
    resendCode: (phone: string) =>
      send(api.POST('/v1/users/resend-code', { body: { phone }, signal: timeout() })),

    // As the signed-in operator.
    signOut: (token: string, terminalId: string) =>
      send(
        api.POST('/v1/terminals/{id}/sign-out', { params: { path: { id: terminalId } }, ...operator(token) }),
      ),
    moveMoney,
    lookUpCustomer: (token: string, phone: string) =>
      send(api.GET('/v1/agents/me/customers/lookup', { params: { query: { phone } }, ...operator(token) })),
    registerCustomer: (token: string, body: JsonBody<paths['/v1/agents/me/customers']['post']>) =>
      send(api.POST('/v1/agents/me/customers', { body, ...operator(token) })),
    /** The ID photo as its raw bytes, with its own content type (not JSON). */
    uploadIdPhoto: (
      token: string,
      customerId: string,
      photo: { contentType: 'image/jpeg' | 'image/png'; bytes: Uint8Array },
    ) => {
      const o = operator(token)
      return send(
        api.PUT('/v1/agents/me/customers/{id}/id-photo', {
          params: { path: { id: customerId } },
          body: new Blob([new Uint8Array(photo.bytes)], { type: photo.contentType }),
          bodySerializer: (b) => b,
          headers: { ...o.headers, 'content-type': photo.contentType },
          signal: o.signal,
        }),
      )
    },
    float: (token: string) => send(api.GET('/v1/agents/me/float', operator(token))),
    commissions: (token: string, period: { from: string; to: string }) =>
      send(api.GET('/v1/agents/me/commissions', { params: { query: period }, ...operator(token) })),
    agentTransactions: (token: string, query: { date: string; limit: number }) =>
      send(api.GET('/v1/agents/me/transactions', { params: { query }, ...operator(token) })),
    awaitingWithdrawals: (token: string) =>
      send(
        api.GET('/v1/agents/me/withdrawals', {
          params: { query: { status: 'awaiting_cash' } },
          ...operator(token),
        }),
      ),
    receipt: (token: string, transactionId: string) =>
      send(
        api.GET('/v1/transactions/{id}/receipt', {
          params: { path: { id: transactionId } },
          ...operator(token),
        }),
      ),
    createPaymentRequest: (token: string, body: { amount: number; reference?: string }) =>
      send(api.POST('/v1/payment-requests', { body, ...operator(token) })),
    paymentRequest: (token: string, id: string) =>
      send(api.GET('/v1/payment-requests/{id}', { params: { path: { id } }, ...operator(token) })),
    cancelPaymentRequest: (token: string, id: string) =>
      send(api.POST('/v1/payment-requests/{id}/cancel', { params: { path: { id } }, ...operator(token) })),
    /** The payment request's status stream (server-sent events), open until `signal` aborts: no timeout. */
    paymentRequestEvents: (token: string, id: string, signal: AbortSignal) =>
      send(
        api.GET('/v1/payment-requests/{id}/events', {
          params: { path: { id } },
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          parseAs: 'stream',
          signal,
        }),
      ),
    sales: (token: string, query: { date: string; limit: number }) =>
      send(api.GET('/v1/merchants/me/sales', { params: { query }, ...operator(token) })),
    zReport: (token: string, date: string) =>
      send(api.GET('/v1/merchants/me/z-report', { params: { query: { date } }, ...operator(token) })),
  }
}
export type CoreClient = ReturnType<typeof createCoreClient>
