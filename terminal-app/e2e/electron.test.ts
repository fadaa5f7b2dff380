import { existsSync, mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { _electron } from 'playwright-core'

// The Electron shell, driven by Playwright where an Electron binary exists. The `electron` npm
// package installs without it (its first run would download it), so on machines without internet
// this says why it skips; browser mode (terminal.test.ts) tests the same renderer and node side.
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}
const binary = electronBinary()
if (!binary)
  console.warn(
    'electron e2e skipped: no Electron binary (the electron package installs without it; it cannot be downloaded here)',
  )

const appDir = new URL('..', import.meta.url).pathname

describe.skipIf(!binary)('the Electron shell', () => {
  it('opens the operator and customer windows, with window.gopay under context isolation', async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: appDir, stdio: 'inherit' })
    const app = await _electron.launch({
      executablePath: binary!,
      args: [join(appDir, 'dist/electron/main.mjs'), '--no-sandbox'],
      env: {
        ...process.env,
        GOPAY_CORE_URL: 'http://127.0.0.1:9', // nothing there: the terminal starts offline, unactivated
        GOPAY_PRINTER: 'virtual',
        GOPAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'gopay-electron-')),
      },
    })
    try {
      const operator = await app.firstWindow()
      await operator.getByLabel('Activation code').waitFor()
      expect(await operator.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
        'undefined',
      )
      expect(
        await operator.evaluate(() => Object.keys((window as unknown as { gopay: object }).gopay).sort()),
      ).toContain('cashIn')
      await expect.poll(() => app.windows().length).toBe(2)
      // Context isolation and the sandbox: the page has no Node.
      expect(await operator.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      )
    } finally {
      await app.close()
    }
  })
})
