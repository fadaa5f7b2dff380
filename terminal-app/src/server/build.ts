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
  // Vite takes NODE_ENV over the mode: inside the test runner (NODE_ENV=test) it would leave React's
  // development build in dist/ for `npm start` to serve. The renderer is always built for production.
  const was = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: join(appDir, 'vite.config.ts'), mode: 'production' })
  } finally {
    if (was === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = was
  }
}
