import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// `npm start` with no DATABASE_URL: embedded PGlite, demo data, clean stop on Ctrl-C, same data after.
const root = new URL('..', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'gopay-start-'))
// Every child started here is killed at the end, whatever the test did before failing.
const children: Array<ReturnType<typeof spawn>> = []

function start() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOPAY_DATA_DIR: dataDir,
    // Ephemeral ports only: other processes on this machine may hold the defaults.
    CORE_API_PORT: '0',
    USSD_PORT: '0',
    PARTNER_SIM_PORT: '0',
    TERMINAL_PORT: '0',
    ADMIN_WEB_PORT: '0',
    LOG_LEVEL: 'silent',
  }
  delete env.DATABASE_URL
  delete env.REDIS_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /core API\s+(http:\/\/[\d.:]+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)))
  })
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code))
      child.kill('SIGINT')
    })
  return { ready, stop, output: () => out }
}

async function signIn(url: string, phone: string, pin: string) {
  const r = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, pin }),
  })
  return (await r.json()).accessToken as string
}
const balance = async (url: string, token: string) =>
  (await (await fetch(`${url}/v1/me/wallet`, { headers: { authorization: `Bearer ${token}` } })).json())
    .balance

describe('npm start on the embedded database', () => {
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(
    'seeds the demo, stops cleanly on Ctrl-C, and starts again on the same data',
    { timeout: 120_000 },
    async () => {
      const first = start()
      const url = await first.ready
      expect(first.output()).toContain('demo data seeded')
      // The demo terminal is enrolled, and its page is the production renderer (a build made
      // inside the test runner once served React's development build).
      expect(first.output()).toMatch(/activation code for agent AG001: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)
      const terminal = /terminal\s+(http:\/\/[\d.:]+)/.exec(first.output())![1]!
      const terminalPage = await (await fetch(terminal)).text()
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(terminalPage)?.[1]
      expect(script, terminalPage).toBeDefined()
      const bundle = await (await fetch(`${terminal}/${script}`)).text()
      expect(bundle.length).toBeGreaterThan(10_000)
      expect(bundle).not.toContain('Download the React DevTools')
      // The admin web: its page, and the core reached through it.
      const admin = /admin web\s+(http:\/\/[\d.:]+)/.exec(first.output())![1]!
      const page = await fetch(`${admin}/users`)
      expect(page.status).toBe(200)
      const adminPage = await page.text()
      expect(adminPage).toContain('<div id="root">')
      const adminScript = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(adminPage)?.[1]
      expect(adminScript, adminPage).toBeDefined()
      expect(await (await fetch(`${admin}/${adminScript}`)).text()).not.toContain(
        'Download the React DevTools',
      )
      expect((await fetch(`${admin}/v1/openapi.json`)).status).toBe(200)
      const amina = await signIn(url, '+254711000001', '1357')
      expect(await balance(url, amina)).toBe(500_000)
      const sent = await fetch(`${url}/v1/transfers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${amina}`,
          'Idempotency-Key': 'start-test-0001',
        },
        body: JSON.stringify({ toPhone: '+254711000002', amount: 10_000 }),
      })
      expect(sent.status).toBe(201)
      expect(await first.stop()).toBe(0)
      expect(first.output()).toContain('stopped')

      const second = start()
      const url2 = await second.ready
      expect(second.output()).not.toContain('demo data seeded')
      expect(await balance(url2, await signIn(url2, '+254711000001', '1357'))).toBe(490_000)
      expect(await balance(url2, await signIn(url2, '+254711000002', '2468'))).toBe(10_000)
      expect(await second.stop()).toBe(0)
    },
  )
})
