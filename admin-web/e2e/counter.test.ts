import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase } from '@gopay/core-api/testing'
import type { Page } from 'playwright-core'
import { demoStaff, shoot, signIn, startSystem, type System } from './system'

// The back office's side of the counter: terminals enrolled for an agent (activation code, check-in,
// wipe) and the ID photo an agent took at registration, shown for KYC review. These routes belong to
// the terminal work of the core; where the running core does not have them yet, the tests say so.
describe.skipIf(needsDatabase)('admin web: terminals and ID photos', () => {
  let sys: System
  let has: (path: string) => boolean
  const pages: Page[] = []
  beforeAll(async () => {
    sys = await startSystem()
    const doc = (await sys.api.call('GET', '/v1/openapi.json')).body as { paths: Record<string, unknown> }
    has = (path) => path in doc.paths
  }, 180_000)
  afterAll(async () => {
    for (const p of pages) await p.context().close()
    await sys?.close()
  })

  it('creates a terminal for an agent, shows its activation code once, and orders a wipe', async (ctx) => {
    if (!has('/v1/admin/terminals')) return ctx.skip('the core has no /v1/admin/terminals yet')
    const agent = await sys.api.agent()
    const admin = await signIn(sys, demoStaff.subAdmin)
    pages.push(admin)
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agents' }).click()
    await admin.getByLabel('Code, name or phone').fill(agent.code)
    await admin.getByRole('link', { name: agent.code }).click()
    await admin.getByLabel('Terminal label').fill('Counter 1')
    await admin.getByRole('button', { name: 'Create terminal' }).click()
    const code = (await admin.locator('.code').textContent())!.trim()
    expect(code).toMatch(/^[A-Z0-9-]{8,}$/)
    const terminals = admin.getByRole('table', { name: 'Terminals' })
    await terminals.getByRole('cell', { name: 'Counter 1' }).waitFor()
    const activated = await sys.api.call('POST', '/v1/terminals/activate', { body: { activationCode: code } })
    expect(activated.status).toBe(201)
    // The code works once.
    expect(
      (await sys.api.call('POST', '/v1/terminals/activate', { body: { activationCode: code } })).status,
    ).not.toBe(201)
    await admin.reload()
    await terminals.getByText('active').waitFor()
    await shoot(admin, '40-agent-terminals')
    await terminals.getByRole('button', { name: 'Order wipe' }).click()
    await admin.getByText('Wipe ordered: the terminal is wiped at its next check-in.').waitFor()
    await terminals.getByText('wipe ordered').waitFor()
  })

  it('shows the ID photo taken at the counter beside the KYC submission, and approves it', async (ctx) => {
    if (!has('/v1/admin/users/{id}/id-photo')) return ctx.skip('the core has no ID photos yet')
    const agent = await sys.api.agent()
    const phone = `+25471${String(Date.now()).slice(-7)}`
    const customer = await sys.api.call('POST', '/v1/agents/me/customers', {
      token: agent.token,
      body: {
        phone,
        firstName: 'Neema',
        lastName: 'Wanjiru',
        idType: 'national_id',
        idNumber: '31415926',
        pin: '8642',
      },
    })
    expect(customer.status).toBe(201)
    const admin = await signIn(sys, demoStaff.admin)
    pages.push(admin)
    // A real PNG of an ID card, drawn by the browser.
    const png = await admin.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 360
      c.height = 220
      const g = c.getContext('2d')!
      g.fillStyle = '#dfe9f3'
      g.fillRect(0, 0, 360, 220)
      g.fillStyle = '#123'
      g.font = 'bold 20px sans-serif'
      g.fillText('REPUBLIC OF KENYA', 20, 40)
      g.font = '18px sans-serif'
      g.fillText('NEEMA WANJIRU', 20, 100)
      g.fillText('ID 31415926', 20, 140)
      return c.toDataURL('image/png').split(',')[1]!
    })
    const uploaded = await sys.api.call('PUT', `/v1/agents/me/customers/${customer.body.id}/id-photo`, {
      token: agent.token,
      headers: { 'content-type': 'image/png' },
      raw: Buffer.from(png, 'base64') as unknown as string,
    })
    expect(uploaded.status).toBe(201)
    await admin.goto(`${sys.web.url}/users/${customer.body.id}`)
    const photo = admin.getByRole('img', { name: 'ID photo' })
    await photo.waitFor()
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(360)
    await shoot(admin, '41-kyc-with-id-photo')
    await admin.getByRole('button', { name: 'Approve to tier 2' }).click()
    await admin.getByText('KYC approved: the user is now tier 2.').waitFor()
  })
})
