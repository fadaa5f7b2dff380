import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generatedPath, generateTypes } from '../scripts/document'
import { call, createCoreClient, newIdempotencyKey, outcomeUnknown } from './index'

describe('the typed core client', () => {
  it('is generated from the core as it is now (run `npm run api-client:generate` after changing a route)', async () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(await generateTypes())
  })

  it('sends the token and headers, and answers data or a typed problem', async () => {
    const seen: Request[] = []
    const fetch = async (req: Request) => {
      seen.push(req)
      if (req.url.endsWith('/v1/me/wallet'))
        return Response.json({ accountId: '1', currency: 'KES', balance: 500, available: 500 })
      return Response.json(
        {
          type: 'about:blank',
          title: 'Not enough money',
          status: 422,
          detail: 'Top up first.',
          code: 'insufficient_funds',
        },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      )
    }
    const client = createCoreClient({
      baseUrl: 'http://core.test/',
      accessToken: () => 'tok',
      headers: () => ({ 'x-terminal-id': 't1' }),
      fetch: fetch as typeof globalThis.fetch,
    })
    const wallet = await call(client.GET('/v1/me/wallet'))
    expect(wallet).toMatchObject({ ok: true, status: 200, data: { balance: 500 } })
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer tok')
    expect(seen[0]!.headers.get('x-terminal-id')).toBe('t1')

    const key = newIdempotencyKey()
    const sent = await call(
      client.POST('/v1/transfers', {
        params: { header: { 'Idempotency-Key': key } },
        body: { toPhone: '+254711000002', amount: 100 },
      }),
    )
    expect(sent.ok).toBe(false)
    if (sent.ok) return
    expect(sent.failure).toMatchObject({ kind: 'problem', status: 422, code: 'insufficient_funds' })
    expect(outcomeUnknown(sent.failure)).toBe(false)
    expect(seen[1]!.headers.get('idempotency-key')).toBe(key)
  })

  it('turns a dropped connection into an unknown outcome, never a throw', async () => {
    const client = createCoreClient({
      baseUrl: 'http://core.test',
      fetch: (async () => {
        throw new TypeError('fetch failed')
      }) as typeof globalThis.fetch,
    })
    const r = await call(client.GET('/v1/me/wallet'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(outcomeUnknown(r.failure)).toBe(true)
  })
})
