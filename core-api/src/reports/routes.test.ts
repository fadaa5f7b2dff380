import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idem, needsDatabase, startTestApi, type TestApi } from '../testing/harness'

describe.skipIf(needsDatabase)('reports, dashboard and health', () => {
  let api: TestApi
  let admin: { id: string; token: string }
  let sub: { id: string; token: string }
  let auditor: { id: string; token: string }
  let today: string
  beforeAll(async () => {
    api = await startTestApi()
    admin = await api.staff('admin')
    sub = await api.staff('sub_admin')
    auditor = await api.staff('auditor')
    today = (
      await api.tdb.db.raw(`SELECT to_char(now() AT TIME ZONE ?, 'YYYY-MM-DD') AS d`, [api.config.timezone])
    ).rows[0].d
  })
  afterAll(async () => {
    await api.close()
  })

  it("the daily transactions CSV carries the day's ledger rows; the screen shows the same", async () => {
    const a = await api.user({ balance: 500_000n })
    const b = await api.user()
    const t = (
      await api.call('POST', '/v1/transfers', {
        token: a.token,
        headers: idem(),
        body: { toPhone: b.phone, amount: 150_050 },
      })
    ).body
    const res = await fetch(`${api.url}/v1/admin/reports/daily-transactions.csv?date=${today}`, {
      headers: { authorization: `Bearer ${auditor.token}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const rows: Array<Record<string, string>> = parse(await res.text(), { columns: true })
    const row = rows.find((r) => r.id === t.id)!
    expect(row).toMatchObject({
      type: 'p2p',
      status: 'completed',
      amount: '150050',
      fee: '3300',
      payer_phone: a.phone,
    })
    const fromLedger = await api.tdb.db('transactions').where('id', t.id).first()
    expect(BigInt(row.amount!)).toBe(fromLedger.amount)
    const json = await api.call('GET', `/v1/admin/reports/daily-transactions?date=${today}`, {
      token: admin.token,
    })
    expect(json.body.columns[0]).toBe('id')
    expect(json.body.rows).toHaveLength(rows.length)
  })

  it('the trial balance balances; every report answers for the roles that read reports', async () => {
    const tb = await api.call('GET', `/v1/admin/reports/trial-balance?date=${today}`, {
      token: auditor.token,
    })
    const total = tb.body.rows.find((r: unknown[]) => r[1] === 'TOTAL')
    expect(total[2]).toBe(total[3])
    expect(total[4]).toBe(0)
    for (const name of ['daily-transactions', 'agent-commissions', 'merchant-settlements', 'trial-balance']) {
      // As the contract says: admins and auditors; operations (sub-admins) do not read reports.
      expect(
        (await api.call('GET', `/v1/admin/reports/${name}?date=${today}`, { token: sub.token })).status,
      ).toBe(403)
      expect(
        (await api.call('GET', `/v1/admin/reports/${name}.csv?date=${today}`, { token: sub.token })).status,
      ).toBe(403)
      for (const s of [admin, auditor]) {
        expect(
          (await api.call('GET', `/v1/admin/reports/${name}?date=${today}`, { token: s.token })).status,
        ).toBe(200)
        expect(
          (await api.call('GET', `/v1/admin/reports/${name}.csv?date=${today}`, { token: s.token })).status,
        ).toBe(200)
      }
    }
    const u = await api.user()
    expect(
      (await api.call('GET', `/v1/admin/reports/trial-balance?date=${today}`, { token: u.token })).status,
    ).toBe(403)
    expect(
      (await api.call('GET', `/v1/admin/reports/nope?date=${today}`, { token: admin.token })).status,
    ).toBe(400)
    expect(
      (await api.call('GET', '/v1/admin/reports/trial-balance?date=24-11-2026', { token: admin.token }))
        .status,
    ).toBe(400)
  })

  it('agent commissions show what the agent earned that day', async () => {
    const agent = await api.agent({ float: 10_000_000n })
    const c = await api.user()
    await api.call('POST', '/v1/cash-ins', {
      token: agent.token,
      headers: idem(),
      body: { customerPhone: c.phone, amount: 100_000 },
    })
    const r = await api.call('GET', `/v1/admin/reports/agent-commissions?date=${today}`, {
      token: admin.token,
    })
    const row = r.body.rows.find((x: unknown[]) => x[0] === agent.code)
    expect(row).toEqual([agent.code, 'Test Agency', 'KES', 1, 500, 0])
  })

  it('the dashboard counts today and a period, with agents below their threshold', async () => {
    const low = await api.agent({ float: 50_000n })
    for (const s of [admin, sub, auditor]) {
      const d = await api.call('GET', '/v1/admin/dashboard', { token: s.token })
      expect(d.status).toBe(200)
      const p2p = d.body.today.byType.find((x: { type: string }) => x.type === 'p2p')
      expect(p2p.count).toBeGreaterThanOrEqual(1)
      expect(d.body.today.feesEarned).toBeGreaterThanOrEqual(3_300)
      expect(d.body.today.registrations).toBeGreaterThanOrEqual(2)
      expect(d.body.today.activeUsers).toBeGreaterThanOrEqual(1)
      expect(d.body.agents.positions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: low.id,
            floatBalance: 50_000,
            floatThreshold: 100_000,
            belowThreshold: true,
          }),
        ]),
      )
    }
    const ranged = await api.call('GET', `/v1/admin/dashboard?from=${today}&to=${today}`, {
      token: admin.token,
    })
    expect(ranged.body.period.byType).toEqual(ranged.body.today.byType)
    expect(
      (await api.call('GET', '/v1/admin/dashboard?from=2026-02-01&to=2026-01-01', { token: admin.token }))
        .status,
    ).toBe(400)
    const u = await api.user()
    expect((await api.call('GET', '/v1/admin/dashboard', { token: u.token })).status).toBe(403)
  })

  it('health names the database, queue, partners, API figures, version and uptime', async () => {
    for (const s of [admin, sub, auditor]) {
      const h = await api.call('GET', '/v1/admin/health', { token: s.token })
      expect(h.status).toBe(200)
      expect(h.body).toMatchObject({
        database: { ok: true },
        redis: { configured: false, ok: null },
        version: expect.any(String),
      })
      expect(h.body.partners.map((p: { name: string }) => p.name)).toEqual(['bank', 'biller', 'airtime'])
      expect(h.body.api.requests).toBeGreaterThan(0)
      expect(h.body.queue.depth).toBeGreaterThan(0)
    }
    const u = await api.user()
    expect((await api.call('GET', '/v1/admin/health', { token: u.token })).status).toBe(403)
  })
})
