import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('staff, roles and sign-out', () => {
  let api: TestApi
  let admin: { id: string; token: string }
  let sub: { id: string; token: string }
  let auditor: { id: string; token: string }
  beforeAll(async () => {
    api = await startTestApi()
    admin = await api.staff('admin')
    sub = await api.staff('sub_admin')
    auditor = await api.staff('auditor')
  })
  afterAll(async () => {
    await api.close()
  })

  it('each staff role sees itself and the matrix; a user does not', async () => {
    const expected = { admin, sub_admin: sub, auditor } as const
    for (const [role, s] of Object.entries(expected)) {
      const me = await api.call('GET', '/v1/admin/me', { token: s.token })
      expect(me.body).toMatchObject({ id: s.id, role, status: 'active' })
      const m = await api.call('GET', '/v1/admin/permissions', { token: s.token })
      expect(m.body.roles).toEqual(expect.arrayContaining(['admin', 'sub_admin', 'auditor']))
      expect(m.body.permissions).toEqual(
        expect.arrayContaining([{ permission: 'approvals:decide', roles: ['admin'] }]),
      )
    }
    expect((await api.call('GET', '/v1/admin/me', { token: auditor.token })).body.permissions).not.toContain(
      'staff:manage',
    )
    expect((await api.call('GET', '/v1/admin/me', { token: admin.token })).body.permissions).toContain(
      'staff:manage',
    )
    const u = await api.user()
    expect((await api.call('GET', '/v1/admin/permissions', { token: u.token })).status).toBe(403)
  })

  it('only an admin creates and disables staff; a disabled member is signed out and cannot sign in', async () => {
    const body = {
      email: `new-${Date.now()}@gopay.test`,
      displayName: 'New Sub',
      role: 'sub_admin',
      password: 'a-long-password-1',
    }
    for (const token of [sub.token, auditor.token])
      expect((await api.call('POST', '/v1/admin/staff', { token, body })).status).toBe(403)
    const made = await api.call('POST', '/v1/admin/staff', { token: admin.token, body })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ email: body.email, role: 'sub_admin', status: 'active' })
    expect((await api.call('POST', '/v1/admin/staff', { token: admin.token, body })).status).toBe(409)
    const login = await api.call('POST', '/v1/auth/login', {
      body: { email: body.email, password: body.password },
    })
    expect(login.status).toBe(200)
    const theirs = login.body.accessToken
    expect((await api.call('GET', '/v1/admin/me', { token: theirs })).status).toBe(200)

    for (const token of [sub.token, auditor.token])
      expect(
        (
          await api.call('POST', `/v1/admin/staff/${made.body.id}/disable`, {
            token,
            body: { reason: 'left' },
          })
        ).status,
      ).toBe(403)
    const off = await api.call('POST', `/v1/admin/staff/${made.body.id}/disable`, {
      token: admin.token,
      body: { reason: 'left the company' },
    })
    expect(off.body.status).toBe('disabled')
    expect((await api.call('GET', '/v1/admin/me', { token: theirs })).status).not.toBe(200)
    expect(
      (await api.call('POST', '/v1/auth/login', { body: { email: body.email, password: body.password } }))
        .status,
    ).not.toBe(200)
    expect(
      (
        await api.call('POST', `/v1/admin/staff/${admin.id}/disable`, {
          token: admin.token,
          body: { reason: 'myself' },
        })
      ).status,
    ).toBe(409)
    const on = await api.call('POST', `/v1/admin/staff/${made.body.id}/enable`, { token: admin.token })
    expect(on.body.status).toBe('active')
    for (const token of [admin.token, auditor.token]) {
      const list = await api.call('GET', '/v1/admin/staff?limit=2', { token })
      expect(list.body.items).toHaveLength(2)
      expect(list.body.nextCursor).toBeTruthy()
      const next = await api.call('GET', `/v1/admin/staff?limit=2&cursor=${list.body.nextCursor}`, { token })
      expect(next.body.items[0].id).not.toBe(list.body.items[1].id)
    }
    expect((await api.call('GET', '/v1/admin/staff', { token: sub.token })).status).toBe(403)
    const actions = (await api.tdb.db('audit_log').where({ target_id: made.body.id }).select('action')).map(
      (r) => r.action,
    )
    expect(actions).toEqual(expect.arrayContaining(['staff.create', 'staff.disable', 'staff.enable']))
  })

  it('sign-out revokes the refresh family: neither token works after', async () => {
    const s = await api.call('POST', '/v1/auth/login', {
      body: {
        email: (await api.call('GET', '/v1/admin/me', { token: auditor.token })).body.email,
        password: 'staff-password-123',
      },
    })
    const { accessToken, refreshToken } = s.body
    expect((await api.call('POST', '/v1/auth/logout', { token: accessToken })).status).toBe(204)
    expect((await api.call('GET', '/v1/admin/me', { token: accessToken })).status).toBe(401)
    expect((await api.call('POST', '/v1/auth/refresh', { body: { refreshToken } })).status).toBe(401)
    // The auditor's other session is untouched.
    expect((await api.call('GET', '/v1/admin/me', { token: auditor.token })).status).toBe(200)
    expect((await api.call('POST', '/v1/auth/logout')).status).toBe(401)
  })
})
