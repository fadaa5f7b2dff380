import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, seedDemo } from '@gopay/core-api'
import { startBackground } from '@gopay/core-api/server'
import { startTestApi, type TestApi } from '@gopay/core-api/testing'
import { chromium, type Browser, type Page } from 'playwright-core'
import { buildAdminWeb } from '../src/server/build'
import { startAdminWeb, type AdminWeb } from '../src/server/server'

export const screenshots = join(new URL('.', import.meta.url).pathname, 'screenshots')

export const demoStaff = {
  admin: { email: 'admin@gopay.local', password: 'demo-admin-pass' },
  subAdmin: { email: 'subadmin@gopay.local', password: 'demo-subadmin-pass' },
  auditor: { email: 'auditor@gopay.local', password: 'demo-auditor-pass' },
} as const

export interface System {
  api: TestApi
  web: AdminWeb
  browser: Browser
  close(): Promise<void>
}

/**
 * The running system as staff meet it: a real core API on its own PostgreSQL database (demo data
 * seeded), the admin web server in front of it (port 0), and Debian's Chromium.
 */
export async function startSystem(): Promise<System> {
  mkdirSync(screenshots, { recursive: true })
  // Its own build: `npm start` in another test file may be building admin-web/dist at the same time.
  const distDir = mkdtempSync(join(tmpdir(), 'gopay-admin-web-'))
  const [api] = await Promise.all([startTestApi(), buildAdminWeb({ distDir, force: true })])
  await seedDemo(api.services, api.config)
  // The outbox delivery (fraud screening among it), in this process as `npm start` runs it without Redis.
  const background = await startBackground(api.services, api.config, createLogger('silent'))
  const web = await startAdminWeb({ port: 0, coreApiUrl: api.url, distDir })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  return {
    api,
    web,
    browser,
    async close() {
      await browser.close()
      await web.close()
      await background.stop()
      await api.close()
      rmSync(distDir, { recursive: true, force: true })
    },
  }
}

/** A fresh browser (its own session storage) signed in through the page's form. */
export async function signIn(sys: System, who: { email: string; password: string }): Promise<Page> {
  const context = await sys.browser.newContext({
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Africa/Nairobi',
  })
  const page = await context.newPage()
  await page.goto(sys.web.url)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
  return page
}

export const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true })
