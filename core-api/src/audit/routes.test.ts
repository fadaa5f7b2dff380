import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

const run = promisify(execFile)

describe.skipIf(needsDatabase)('audit log', () => {
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

  const verify = (token: string) => api.call('POST', '/v1/admin/audit-log/verify', { token })

  it('holds every money movement and staff action, chained; only admins and auditors read it', async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const t = await api.call('POST', '/v1/transfers', {
      token: a.token,
      headers: idem(),
      body: { toPhone: b.phone, amount: 150_050 },
    })
    await api.call('POST', `/v1/admin/users/${b.id}/lock`, { token: sub.token, body: { reason: 'checking' } })
    const page1 = await api.call('GET', '/v1/admin/audit-log?limit=2', { token: auditor.token })
    expect(page1.status).toBe(200)
    expect(page1.body.items).toHaveLength(2)
    expect(page1.body.items[0]).toMatchObject({
      action: 'account.lock',
      actorPartyId: sub.id,
      targetId: b.id,
    })
    expect(page1.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/)
    const page2 = await api.call('GET', `/v1/admin/audit-log?limit=2&cursor=${page1.body.nextCursor}`, {
      token: admin.token,
    })
    expect(page2.body.items[0].id).toBeLessThan(page1.body.items[1].id)
    const entry = await api.call('GET', `/v1/admin/audit-log?action=ledger.entry&target=${t.body.id}`, {
      token: admin.token,
    })
    expect(entry.body.items).toHaveLength(1)
    expect(entry.body.items[0].details.postings).toHaveLength(3)
    for (const token of [sub.token, a.token]) {
      expect((await api.call('GET', '/v1/admin/audit-log', { token })).status).toBe(403)
      expect((await verify(token)).status).toBe(403)
    }
    const ok = await verify(auditor.token)
    expect(ok.body).toMatchObject({ ok: true, firstBrokenId: null })
    expect(ok.body.checked).toBeGreaterThanOrEqual(3)
  })

  it('no writer can skip or pre-set the seal, nor change a row', async () => {
    await api.tdb
      .db('audit_log')
      .insert({ action: 'test.forged', details: '{}', hash: 'f'.repeat(64), seq: 999999 })
    const row = await api.tdb.db('audit_log').where({ action: 'test.forged' }).first()
    expect(row.hash).not.toBe('f'.repeat(64))
    expect(Number(row.seq)).toBeLessThan(999999)
    await expect(api.tdb.db('audit_log').where({ id: row.id }).update({ action: 'x' })).rejects.toThrow(
      /append-only/,
    )
    await expect(api.tdb.db('audit_log').where({ id: row.id }).del()).rejects.toThrow(/append-only/)
    expect((await verify(admin.token)).body.ok).toBe(true)
  })

  it('concurrent writers still make one unbroken chain', async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => api.user({ balance: 100_000n })))
    const to = await api.user()
    await Promise.all(
      users.flatMap((u) =>
        Array.from({ length: 5 }, () =>
          api.call('POST', '/v1/transfers', {
            token: u.token,
            headers: idem(),
            body: { toPhone: to.phone, amount: 1_000 },
          }),
        ),
      ),
    )
    expect((await verify(admin.token)).body.ok).toBe(true)
  })

  it('names the first altered row, from the API and from npm run audit:verify', async () => {
    const cli = () =>
      run('npx', ['tsx', 'core-api/src/audit/cli.ts'], {
        env: { ...process.env, DATABASE_URL: api.tdb.url },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      )
    const good = await cli()
    expect(good.code).toBe(0)
    const victim = await api.tdb.db('audit_log').orderBy('seq').offset(2).first('id')
    // Tampering needs the guard switched off, as someone with the database's keys could.
    await api.tdb.db.transaction(async (trx) => {
      await trx.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')
      await trx('audit_log')
        .where({ id: victim.id })
        .update({ details: JSON.stringify({ altered: true }) })
      await trx.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only')
    })
    const broken = await verify(auditor.token)
    expect(broken.body).toMatchObject({ ok: false, firstBrokenId: Number(victim.id) })
    const bad = await cli()
    expect(bad.code).toBe(1)
    expect(bad.out).toContain(String(victim.id))
  }, 60_000)
})
