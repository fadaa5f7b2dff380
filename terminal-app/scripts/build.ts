import { build } from 'esbuild'
import { ensureRendererBuilt } from '../src/server/build'

// `npm run build -w terminal-app`: the renderer (Vite) and the Electron main and preload (esbuild;
// a sandboxed preload must be one CommonJS file).
await ensureRendererBuilt()
const common = {
  bundle: true,
  platform: 'node' as const,
  target: 'node20',
  external: ['electron', 'serialport', '@serialport/*', 'nfc-pcsc', '@napi-rs/canvas'],
  logLevel: 'warning' as const,
}

// The main process is ESM (Electron 28+); its CommonJS dependencies get a require of their own.
await build({
  ...common,
  entryPoints: ['src/main/main.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
})
await build({
  ...common,
  entryPoints: ['src/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
})
console.log('built dist/renderer and dist/electron')
