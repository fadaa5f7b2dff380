import { resolve } from 'node:path'
import { ensureRendererBuilt } from './build'
import { startBrowserTerminal } from './browser-mode'

// `npm run terminal`: the terminal alone in browser mode (a kiosk): GOPAY_CORE_URL, TERMINAL_PORT,
// GOPAY_DATA_DIR and the devices from GOPAY_PRINTER, GOPAY_CARD_READER, GOPAY_DISPLAY.
const coreUrl = process.env.GOPAY_CORE_URL ?? `http://127.0.0.1:${process.env.CORE_API_PORT ?? 8080}`
await ensureRendererBuilt()
const terminal = await startBrowserTerminal({
  coreUrl,
  dataDir: resolve(process.env.GOPAY_DATA_DIR ?? '.gopay', 'terminal'),
  port: Number(process.env.TERMINAL_PORT ?? 8083),
})
console.log(`GoPay terminal on ${terminal.url} (customer display ${terminal.url}/display), core ${coreUrl}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await terminal.close()
    process.exit(0)
  })
