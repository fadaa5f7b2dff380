import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routesOf } from '../app'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'
import { permissionMatrix } from './permissions'

// POSTs that change nothing: the auditor's checks of the chain and of a rule.
const READ_ONLY_POSTS = ['/v1/admin/audit-log/verify', '/v1/admin/fraud/rules/:rule/backtest']

const concrete = (path: string) =>
  path.replace(':id', randomUUID()).replace(':rule', 'velocity').replace(':name', 'trial-balance')

/**
 * Every admin route, taken from the route table itself (so a new one cannot be forgotten): an auditor
 * is refused every write, a user or an agent every admin route, and no admin route is public.
 */
describe.skipIf(needsDatabase)('every admin route checks its role on the server', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(async () => {
    await api.close()
  })

  it('names a staff permission, never public, and the auditor holds no write permission', () => {
    const admin = routesOf(api.services).filter((r) => r.path.startsWith('/v1/admin/'))
    expect(admin.length).toBeGreaterThan(60)
    for (const r of admin) {
      expect(r.permission, r.path).not.toBe('public')
      const roles = permissionMatrix[r.permission as keyof typeof permissionMatrix] as readonly string[]
      expect(
        roles.every((x) => ['admin', 'sub_admin', 'auditor'].includes(x)),
        `${r.method} ${r.path}`,
      ).toBe(true)
      if (r.method !== 'get' && !READ_ONLY_POSTS.includes(r.path))
        expect(roles, `${r.method} ${r.path} must refuse the auditor`).not.toContain('auditor')
    }
  })

  it('answers 403 to the auditor on every write, and to users and agents on every admin route', async () => {
    const auditor = await api.staff('auditor')
    const user = await api.user()
    const agent = await api.agent()
    const admin = routesOf(api.services).filter((r) => r.path.startsWith('/v1/admin/'))
    for (const r of admin) {
      const path = concrete(r.path)
      const tokens = [user.token, agent.token]
      if (r.method !== 'get' && !READ_ONLY_POSTS.includes(r.path)) tokens.push(auditor.token)
      for (const token of tokens) {
        const res = await api.call(r.method.toUpperCase(), path, {
          token,
          headers: idem(),
          body: r.method === 'get' ? undefined : {},
        })
        expect(res.status, `${r.method} ${r.path}`).toBe(403)
      }
      expect(
        (await api.call(r.method.toUpperCase(), path, { body: r.method === 'get' ? undefined : {} })).status,
        `${r.method} ${r.path} unsigned`,
      ).toBe(401)
    }
  })
})
