import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('terminals', () => {
  let api: TestApi
  let admin: { token: string }
  beforeAll(async () => {
    api = await startTestApi()
    admin = await api.staff('admin')
  })
  afterAll(async () => {
    await api.close()
  })

  const enrol = (body: object, token = admin.token) =>
    api.call('POST', '/v1/admin/terminals', { token, body })
  const secretHeader = (deviceSecret: string) => ({ 'X-Terminal-Secret': deviceSecret })

  /** An agent's terminal, activated. */
  async function agentTerminal() {
    const agent = await api.agent()
    const e = await enrol({ agentCode: agent.code, label: 'Counter 1' })
    const a = await api.call('POST', '/v1/terminals/activate', {
      body: { activationCode: e.body.activationCode },
    })
    expect(a.status).toBe(201)
    return { agent, id: a.body.terminalId as string, secret: a.body.deviceSecret as string }
  }
  const signIn = (id: string, secret: string, body: object) =>
    api.call('POST', `/v1/terminals/${id}/sessions`, { headers: secretHeader(secret), body })
  const checkIn = (id: string, secret: string) =>
    api.call('POST', `/v1/terminals/${id}/check-in`, { headers: secretHeader(secret) })

  it('staff may name the agent or till by its old-style code, which is an alias of its number', async () => {
    const agent = await api.agent()
    const merchant = await api.merchant()
    const tag = String(Date.now() % 1_000_000).padStart(6, '0')
    await api.tdb
      .db('agents')
      .where({ party_id: agent.id })
      .update({ alias: `AG${tag}` })
    await api.tdb
      .db('merchants')
      .where({ party_id: merchant.id })
      .update({ alias: `MC${tag}` })
    expect((await enrol({ agentCode: `AG${tag}` })).status).toBe(201)
    expect((await enrol({ tillCode: `MC${tag}` })).status).toBe(201)
    const listed = await api.call('GET', `/v1/admin/terminals?agentCode=AG${tag}`, { token: admin.token })
    expect(listed.body.items).toHaveLength(1)
  })

  it('staff enrol a terminal for an agent or a till; the code activates it once', async () => {
    const agent = await api.agent()
    const merchant = await api.merchant()
    const sub = await api.staff('sub_admin')
    const e = await enrol({ agentCode: agent.code, label: 'Front desk' }, sub.token)
    expect(e.status).toBe(201)
    expect(e.body).toEqual({
      id: expect.any(String),
      activationCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      expiresAt: expect.any(String),
    })
    // Stored hashed only.
    const row = await api.tdb.db('terminals').where({ device_id: e.body.id }).first()
    expect(row.activation_code_hash).not.toContain(e.body.activationCode.replace(/-/g, ''))

    const listed = await api.call('GET', `/v1/admin/terminals?agentCode=${agent.code}`, { token: sub.token })
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: e.body.id,
        label: 'Front desk',
        kind: 'agent',
        ownerCode: agent.code,
        status: 'pending_activation',
        lastCheckInAt: null,
      }),
    ])

    // Lower case and without dashes is the same code.
    const typed = e.body.activationCode.toLowerCase().replace(/-/g, '')
    const a = await api.call('POST', '/v1/terminals/activate', { body: { activationCode: typed } })
    expect(a.status).toBe(201)
    expect(a.body).toEqual({
      terminalId: e.body.id,
      deviceSecret: expect.any(String),
      kind: 'agent',
      ownerCode: agent.code,
      label: 'Front desk',
      currency: 'KES',
    })
    const again = await api.call('POST', '/v1/terminals/activate', {
      body: { activationCode: e.body.activationCode },
    })
    expect(again.status).toBe(404)
    expect(again.body.code).toBe('not_found')

    const c = await checkIn(e.body.id, a.body.deviceSecret)
    expect(c.status).toBe(200)
    expect(c.body).toMatchObject({ status: 'active', kind: 'agent', ownerCode: agent.code, currency: 'KES' })
    // The terminal counts "today" in the core's time zone, told here.
    expect(c.body.timeZone).toBe(api.config.timezone)
    const seen = await api.call('GET', `/v1/admin/terminals?agentCode=${agent.code}`, {
      token: (await api.staff('auditor')).token,
    })
    expect(seen.body.items[0]).toMatchObject({ status: 'active', lastCheckInAt: expect.any(String) })

    const till = await enrol({ tillCode: merchant.code })
    expect(till.status).toBe(201)
    const t = await api.call('POST', '/v1/terminals/activate', {
      body: { activationCode: till.body.activationCode },
    })
    expect(t.body).toMatchObject({ kind: 'merchant', ownerCode: merchant.code })
  })

  it('refuses enrolment to non-staff, unknown owners and bad bodies', async () => {
    const agent = await api.agent()
    const auditor = await api.staff('auditor')
    expect((await enrol({ agentCode: agent.code }, auditor.token)).status).toBe(403)
    expect((await enrol({ agentCode: agent.code }, agent.token)).status).toBe(403)
    expect((await api.call('GET', '/v1/admin/terminals', { token: agent.token })).status).toBe(403)
    expect((await enrol({ agentCode: 'NOPE99' })).body.code).toBe('not_found')
    expect((await enrol({ agentCode: agent.code, tillCode: 'X1234' })).body.code).toBe('validation_failed')
    expect((await enrol({})).body.code).toBe('validation_failed')
    expect((await api.call('POST', '/v1/admin/terminals', { body: { agentCode: agent.code } })).status).toBe(
      401,
    )
  })

  it('refuses an expired code, and of two racing activations of one code exactly one wins', async () => {
    const agent = await api.agent()
    const old = await enrol({ agentCode: agent.code })
    await api.tdb
      .db('terminals')
      .where({ device_id: old.body.id })
      .update({ activation_expires_at: new Date(Date.now() - 1000) })
    const expired = await api.call('POST', '/v1/terminals/activate', {
      body: { activationCode: old.body.activationCode },
    })
    expect(expired.status).toBe(404)

    const e = await enrol({ agentCode: agent.code })
    const tries = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.call('POST', '/v1/terminals/activate', { body: { activationCode: e.body.activationCode } }),
      ),
    )
    expect(tries.map((t) => t.status).sort()).toEqual([201, 404, 404, 404, 404, 404])
    const winner = tries.find((t) => t.status === 201)!
    expect((await checkIn(e.body.id, winner.body.deviceSecret)).status).toBe(200)
  })

  it('authenticates the terminal by its secret', async () => {
    const { id, secret } = await agentTerminal()
    expect((await checkIn(id, 'x'.repeat(32))).status).toBe(401)
    expect((await api.call('POST', `/v1/terminals/${id}/check-in`)).status).toBe(401)
    expect((await checkIn(id, secret)).status).toBe(200)
  })

  it("signs in only the terminal's owner, counting wrong PINs", async () => {
    const { agent, id, secret } = await agentTerminal()
    const other = await api.agent()
    const refused = await signIn(id, secret, { phone: other.phone, pin: '1470' })
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('forbidden')
    expect((await signIn(id, 'y'.repeat(32), { phone: agent.phone, pin: '1470' })).status).toBe(401)
    const wrong = await signIn(id, secret, { phone: agent.phone, pin: '0000' })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toMatchObject({ code: 'invalid_pin', remainingAttempts: 2 })
    const ok = await signIn(id, secret, { phone: agent.phone, pin: '1470' })
    expect(ok.status).toBe(201)
    expect(ok.body.principal).toEqual({ id: agent.id, roles: ['agent'] })
    expect((await api.call('GET', '/v1/me/wallet', { token: ok.body.accessToken })).status).toBe(200)
    // The good PIN reset the count: three more wrong tries lock the PIN.
    await signIn(id, secret, { phone: agent.phone, pin: '0000' })
    await signIn(id, secret, { phone: agent.phone, pin: '0000' })
    const locked = await signIn(id, secret, { phone: agent.phone, pin: '0000' })
    expect(locked.status).toBe(423)
  })

  it('signs the operator out of the terminal on request', async () => {
    const { agent, id, secret } = await agentTerminal()
    const session = (await signIn(id, secret, { phone: agent.phone, pin: '1470' })).body
    const other = await agentTerminal()
    expect(
      (await api.call('POST', `/v1/terminals/${other.id}/sign-out`, { token: session.accessToken })).status,
    ).toBe(404)
    expect((await api.call('POST', `/v1/terminals/${id}/sign-out`, { token: agent.token })).status).toBe(404)
    const out = await api.call('POST', `/v1/terminals/${id}/sign-out`, { token: session.accessToken })
    expect(out.status).toBe(200)
    expect(out.body).toEqual({ signedOut: true })
    expect((await api.call('GET', '/v1/me/wallet', { token: session.accessToken })).status).toBe(401)
    expect((await api.call('GET', '/v1/me/wallet', { token: agent.token })).status).toBe(200)
  })

  it('documents every terminal route with its answer schema, and the terminal credential', async () => {
    const doc = (await api.call('GET', '/v1/openapi.json')).body
    const mine = [
      ['post', '/v1/admin/terminals'],
      ['get', '/v1/admin/terminals'],
      ['post', '/v1/admin/terminals/{id}/lock'],
      ['post', '/v1/admin/terminals/{id}/unlock'],
      ['post', '/v1/admin/terminals/{id}/wipe'],
      ['post', '/v1/terminals/activate'],
      ['post', '/v1/terminals/{id}/check-in'],
      ['post', '/v1/terminals/{id}/wipe-confirmation'],
      ['post', '/v1/terminals/{id}/sessions'],
      ['post', '/v1/terminals/{id}/sign-out'],
      ['get', '/v1/agents/me/customers/lookup'],
      ['get', '/v1/agents/me/float'],
      ['get', '/v1/agents/me/transactions'],
      ['get', '/v1/agents/me/commissions'],
      ['get', '/v1/agents/me/withdrawals'],
      ['post', '/v1/agents/me/withdrawals/{id}/handover'],
      ['post', '/v1/agents/me/customers'],
      ['put', '/v1/agents/me/customers/{id}/id-photo'],
      ['get', '/v1/admin/users/{id}/id-photo'],
      ['get', '/v1/transactions/{id}/receipt'],
      ['get', '/v1/payment-requests/{id}/events'],
      ['post', '/v1/payment-requests/{id}/cancel'],
      ['post', '/v1/card-payments'],
      ['get', '/v1/merchants/me/sales'],
      ['get', '/v1/merchants/me/z-report'],
      ['post', '/v1/cash-ins'],
      ['post', '/v1/cash-outs'],
      ['post', '/v1/withdrawals'],
      ['post', '/v1/refunds'],
    ] as const
    for (const [method, path] of mine) {
      const op = doc.paths[path]?.[method]
      expect(op, `${method} ${path}`).toBeDefined()
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'))
      expect(ok, `${method} ${path}`).toBeDefined()
      const content = (ok![1] as { content?: Record<string, { schema?: object }> }).content
      expect(Object.values(content ?? {})[0]?.schema, `${method} ${path} answer schema`).toBeDefined()
    }
    expect(doc.components.securitySchemes.terminal).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'X-Terminal-Secret',
    })
    expect(doc.paths['/v1/terminals/{id}/check-in'].post.security).toEqual([{ terminal: [] }])
    expect(doc.paths['/v1/payment-requests/{id}/events'].get.responses['200'].content).toHaveProperty(
      'text/event-stream',
    )
    expect(doc.paths['/v1/agents/me/customers/{id}/id-photo'].put.requestBody.content).toHaveProperty(
      'image/jpeg',
    )
    for (const path of ['/v1/cash-ins', '/v1/card-payments', '/v1/refunds'])
      expect(
        doc.paths[path].post.responses['201'].content['application/json'].schema.required,
        path,
      ).toContain('reference')
  })

  it('a lock signs everyone out of that terminal only, and refuses sign-in until unlocked', async () => {
    const { agent, id, secret } = await agentTerminal()
    const onTerminal = (await signIn(id, secret, { phone: agent.phone, pin: '1470' })).body
    const elsewhere = agent.token
    const lock = await api.call('POST', `/v1/admin/terminals/${id}/lock`, { token: admin.token })
    expect(lock.status).toBe(200)
    expect(lock.body.status).toBe('locked')
    expect((await api.call('GET', '/v1/me/wallet', { token: onTerminal.accessToken })).status).toBe(401)
    expect(
      (await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: onTerminal.refreshToken } }))
        .status,
    ).toBe(401)
    expect((await api.call('GET', '/v1/me/wallet', { token: elsewhere })).status).toBe(200)
    expect((await checkIn(id, secret)).body.status).toBe('locked')
    const refused = await signIn(id, secret, { phone: agent.phone, pin: '1470' })
    expect(refused.status).toBe(423)
    const unlock = await api.call('POST', `/v1/admin/terminals/${id}/unlock`, { token: admin.token })
    expect(unlock.body.status).toBe('active')
    expect((await signIn(id, secret, { phone: agent.phone, pin: '1470' })).status).toBe(201)
    const auditor = await api.staff('auditor')
    expect((await api.call('POST', `/v1/admin/terminals/${id}/lock`, { token: auditor.token })).status).toBe(
      403,
    )
    expect(
      (
        await api.call('POST', '/v1/admin/terminals/00000000-0000-4000-8000-000000000000/lock', {
          token: admin.token,
        })
      ).status,
    ).toBe(404)
  })

  it('a lock racing sign-ins leaves no session of that terminal alive', async () => {
    const { agent, id, secret } = await agentTerminal()
    const [lock, ...signIns] = await Promise.all([
      api.call('POST', `/v1/admin/terminals/${id}/lock`, { token: admin.token }),
      ...Array.from({ length: 4 }, () => signIn(id, secret, { phone: agent.phone, pin: '1470' })),
    ])
    expect(lock!.status).toBe(200)
    for (const s of signIns) {
      expect([201, 423]).toContain(s.status)
      if (s.status === 201)
        expect((await api.call('GET', '/v1/me/wallet', { token: s.body.accessToken })).status).toBe(401)
    }
  })

  it('a wipe order signs everyone out, reaches the terminal, and its confirmation kills the secret', async () => {
    const { agent, id, secret } = await agentTerminal()
    const session = (await signIn(id, secret, { phone: agent.phone, pin: '1470' })).body
    expect(
      (await api.call('POST', `/v1/terminals/${id}/wipe-confirmation`, { headers: secretHeader(secret) }))
        .status,
    ).toBe(404)
    const wipe = await api.call('POST', `/v1/admin/terminals/${id}/wipe`, { token: admin.token })
    expect(wipe.status).toBe(202)
    expect(wipe.body.status).toBe('wipe_ordered')
    expect((await api.call('GET', '/v1/me/wallet', { token: session.accessToken })).status).toBe(401)
    expect((await checkIn(id, secret)).body.status).toBe('wipe_ordered')
    expect((await signIn(id, secret, { phone: agent.phone, pin: '1470' })).status).toBe(401)
    const done = await api.call('POST', `/v1/terminals/${id}/wipe-confirmation`, {
      headers: secretHeader(secret),
    })
    expect(done.status).toBe(200)
    expect(done.body).toEqual({ status: 'wiped' })
    expect((await checkIn(id, secret)).status).toBe(401)
    const listed = await api.call('GET', `/v1/admin/terminals?agentCode=${agent.code}`, {
      token: admin.token,
    })
    expect(listed.body.items[0].status).toBe('wiped')
    expect(await api.tdb.db('audit_log').where({ target_id: id }).orderBy('id').pluck('action')).toEqual([
      'terminal.enrolled',
      'terminal.activated',
      'device.wipe_ordered',
      'device.wipe_confirmed',
    ])
  })
})
