import type { AddressInfo } from 'node:net'
import express from 'express'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problem } from '../http/problem'
import { defineRoute, mountRoute } from '../http/route'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { createIdempotencyService } from './service'

// The general idempotent route path (one transaction holding the claim, the handler's writes and the
// stored answer), which flows that talk to outside parties build on.
describe.skipIf(needsDatabase)('idempotent routes in one transaction', () => {
  let api: TestApi
  let url: string
  let close: () => void
  beforeAll(async () => {
    api = await startTestApi()
    const app = express()
    app.use(express.json())
    const router = express.Router()
    mountRoute(
      router,
      defineRoute({
        method: 'post',
        path: '/test/notes',
        summary: 'writes an audit row, or refuses',
        tag: 'test',
        permission: 'transfer:create',
        idempotent: true,
        body: z.strictObject({ text: z.string() }),
        responses: {},
        async handler({ trx, principal, body }) {
          if (body.text === 'refuse') return problem(422, 'limit_exceeded', 'refused on purpose')
          const [row] = await trx('audit_log')
            .insert({ actor_party_id: principal.id, action: `note:${body.text}` })
            .returning('id')
          return { status: 201, body: { id: row.id, text: body.text } }
        },
      }),
      {
        db: api.tdb.db,
        tokens: api.services.tokens,
        auth: api.services.auth,
        idempotency: createIdempotencyService(),
      },
    )
    app.use(router)
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(async () => {
    close?.()
    await api?.close()
  })

  const post = (token: string, key: string, text: string) =>
    fetch(`${url}/test/notes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'Idempotency-Key': key,
      },
      body: JSON.stringify({ text }),
    }).then(async (r) => ({
      status: r.status,
      replayed: r.headers.get('idempotent-replayed'),
      body: await r.json(),
    }))

  it('runs once for simultaneous and later duplicates, answers identically, and refuses a changed body', async () => {
    const u = await api.user()
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(u.token, 'generic-key-0001', 'hello')),
    )
    const later = await post(u.token, 'generic-key-0001', 'hello')
    for (const a of [...answers, later]) expect(a.body).toEqual(answers[0]!.body)
    expect(later.replayed).toBe('true')
    expect(await api.tdb.db('audit_log').where({ action: 'note:hello' })).toHaveLength(1)
    expect((await post(u.token, 'generic-key-0001', 'changed')).status).toBe(409)
  })

  it('stores a refusal and answers it again, writing nothing else', async () => {
    const u = await api.user()
    const first = await post(u.token, 'generic-key-0002', 'refuse')
    const again = await post(u.token, 'generic-key-0002', 'refuse')
    expect(first.status).toBe(422)
    expect(again).toMatchObject({ status: 422, replayed: 'true', body: first.body })
  })

  it('claims nothing for a locked account', async () => {
    const u = await api.user()
    await api.call('POST', '/v1/me/lock', { token: u.token })
    expect((await post(u.token, 'generic-key-0003', 'hello')).status).toBe(423)
    expect(await api.tdb.db('idempotency_keys').where({ principal_id: u.id })).toHaveLength(0)
  })
})
