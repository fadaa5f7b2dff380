import { describe, expect, it } from 'vitest'
import { CoreUnreachable, createCoreClient } from './core'

// The terminal's typed core client on the wire: who is calling, the idempotency key, raw photo
// bytes, and which answers are definite (a refusal) or not (no answer, 5xx, first try still running).
describe("the terminal's core client", () => {
  const recording = (answer: (req: Request) => Response | Promise<Response>) => {
    // Held here as a real in-flight request is held by its socket (so its timeout signal stays alive).
    const seen: Request[] = []
    const fetch = (async (req: Request) => {
      seen.push(req)
      return answer(req)
    }) as typeof globalThis.fetch
    return { seen, core: createCoreClient({ baseUrl: 'http://core.test/', fetch, timeoutMs: 1000 }) }
  }
  const problem = (status: number, code: string) =>
    Response.json(
      { type: 'about:blank', title: 'No', status, detail: `refused: ${code}`, code },
      { status, headers: { 'content-type': 'application/problem+json' } },
    )

  it('sends the device secret, the bearer token and the idempotency key where the core expects them', async () => {
    const { seen, core } = recording(() => Response.json({ signedOut: true }))
    await core.checkIn('t-1', 'device-secret')
    await core.moveMoney(
      'tok',
      { kind: 'cash-in', body: { customerPhone: '+254711000001', amount: 500 } },
      'k-1',
    )
    await core.moveMoney('tok', { kind: 'withdrawal-handover', withdrawalId: 'w-9' }, 'k-2')
    await core.agentTransactions('tok', { date: '2026-11-24', limit: 100 })

    expect(seen[0]!.method).toBe('POST')
    expect(new URL(seen[0]!.url).pathname).toBe('/v1/terminals/t-1/check-in')
    expect(seen[0]!.headers.get('x-terminal-secret')).toBe('device-secret')
    expect(seen[0]!.headers.get('authorization')).toBeNull()

    expect(new URL(seen[1]!.url).pathname).toBe('/v1/cash-ins')
    expect(seen[1]!.headers.get('authorization')).toBe('Bearer tok')
    expect(seen[1]!.headers.get('idempotency-key')).toBe('k-1')
    expect(await seen[1]!.json()).toEqual({ customerPhone: '+254711000001', amount: 500 })

    expect(new URL(seen[2]!.url).pathname).toBe('/v1/agents/me/withdrawals/w-9/handover')
    expect(seen[2]!.headers.get('idempotency-key')).toBe('k-2')

    const listed = new URL(seen[3]!.url)
    expect(listed.pathname).toBe('/v1/agents/me/transactions')
    expect(Object.fromEntries(listed.searchParams)).toEqual({ date: '2026-11-24', limit: '100' })
  })

  it('uploads the ID photo as its raw bytes with its own content type', async () => {
    const { seen, core } = recording(() => Response.json({ customerId: 'c-1' }, { status: 201 }))
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255])
    const r = await core.uploadIdPhoto('tok', 'c-1', { contentType: 'image/png', bytes: png })
    expect(r.ok).toBe(true)
    expect(seen[0]!.method).toBe('PUT')
    expect(new URL(seen[0]!.url).pathname).toBe('/v1/agents/me/customers/c-1/id-photo')
    expect(seen[0]!.headers.get('content-type')).toBe('image/png')
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer tok')
    expect(new Uint8Array(await seen[0]!.arrayBuffer())).toEqual(png)
  })

  it("confirms a customer's phone and asks for the code again on the public routes, refusals as problems", async () => {
    const { seen, core } = recording((req) =>
      new URL(req.url).pathname === '/v1/users/resend-code'
        ? Response.json({ sent: true }, { status: 202 })
        : problem(400, 'validation_failed'),
    )
    expect(await core.confirmPhone({ phone: '+254711000001', code: '123456' })).toEqual({
      ok: false,
      problem: { status: 400, code: 'validation_failed', detail: 'refused: validation_failed' },
    })
    expect(await core.resendCode('+254711000001')).toMatchObject({ ok: true, status: 202 })
    expect(new URL(seen[0]!.url).pathname).toBe('/v1/users/confirm-phone')
    expect(await seen[0]!.json()).toEqual({ phone: '+254711000001', code: '123456' })
    expect(seen[0]!.headers.get('authorization')).toBeNull()
    expect(new URL(seen[1]!.url).pathname).toBe('/v1/users/resend-code')
    expect(await seen[1]!.json()).toEqual({ phone: '+254711000001' })
  })

  it('answers a refusal as a problem, and no definite answer as CoreUnreachable', async () => {
    let next: (req: Request) => Response | Promise<Response> = () => problem(422, 'insufficient_funds')
    const { core } = recording((req) => next(req))
    const cashIn = () =>
      core.moveMoney('tok', { kind: 'cash-in', body: { customerPhone: '+254711000001', amount: 5 } }, 'k')

    expect(await cashIn()).toEqual({
      ok: false,
      problem: { status: 422, code: 'insufficient_funds', detail: 'refused: insufficient_funds' },
    })
    next = () => problem(409, 'idempotency_conflict') // same key, other body: a definite refusal
    expect(await cashIn()).toMatchObject({ ok: false, problem: { code: 'idempotency_conflict' } })

    next = () => problem(503, 'unavailable')
    await expect(cashIn()).rejects.toBeInstanceOf(CoreUnreachable)
    next = () => problem(409, 'duplicate') // the first try with this key still runs
    await expect(cashIn()).rejects.toBeInstanceOf(CoreUnreachable)
    next = () => {
      throw new TypeError('fetch failed')
    }
    await expect(cashIn()).rejects.toBeInstanceOf(CoreUnreachable)
    // Never answers: the request's timeout aborts it.
    next = (req) =>
      new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)))
    await expect(cashIn()).rejects.toBeInstanceOf(CoreUnreachable)
  })
})
