import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const defaultDistDir = join(root, 'dist')

// The page's own sources and the workspace packages it bundles: a newer file means a rebuild.
const sources = [
  join(root, 'src'),
  join(root, 'index.html'),
  join(root, '../vocabulary/src'),
  join(root, '../api-client/src'),
]

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let max = s.mtimeMs
  for (const e of readdirSync(path)) if (e !== 'server') max = Math.max(max, newest(join(path, e)))
  return max
}

/** True when dist/ is missing or older than a source it was built from. */
export function isStale(distDir = defaultDistDir): boolean {
  const built = join(distDir, 'index.html')
  if (!existsSync(built)) return true
  const at = statSync(built).mtimeMs
  return sources.some((s) => newest(s) > at)
}

/**
 * Builds the page with Vite (offline: everything comes from node_modules). Called by `npm start` and
 * the tests only when the sources changed since the last build.
 */
export async function buildAdminWeb(opts: { distDir?: string; force?: boolean } = {}): Promise<string> {
  const distDir = opts.distDir ?? defaultDistDir
  if (!opts.force && !isStale(distDir)) return distDir
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')])
  // Vite takes NODE_ENV over the mode: inside the test runner (NODE_ENV=test) it would leave React's
  // development build in dist/ for `npm start` to serve. The page is always built for production.
  const was = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root,
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: distDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    })
  } finally {
    if (was === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = was
  }
  return distDir
}
