import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rendererDir } from './browser-mode'

const appDir = fileURLToPath(new URL('../..', import.meta.url))

function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/** Builds the renderer with Vite when its bundle is missing or older than its sources (offline, a few seconds). */
export async function ensureRendererBuilt() {
  const index = join(rendererDir, 'index.html')
  const sources = Math.max(
    newest(join(appDir, 'src/renderer')),
    newest(join(appDir, 'src/bridge')),
    statSync(join(appDir, 'vite.config.ts')).mtimeMs,
  )
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  const { build } = await import('vite')
  await build({ configFile: join(appDir, 'vite.config.ts') })
}
