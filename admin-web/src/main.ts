import { buildAdminWeb } from './server/build'
import { startAdminWeb } from './server/server'

// The admin web alone (its Docker image): the page and a pass-through to CORE_API_URL.
const coreApiUrl = process.env.CORE_API_URL ?? `http://127.0.0.1:${process.env.CORE_API_PORT ?? 8080}`
const distDir = await buildAdminWeb()
const web = await startAdminWeb({
  port: Number(process.env.ADMIN_WEB_PORT ?? 8082),
  host: process.env.ADMIN_WEB_HOST ?? '127.0.0.1',
  coreApiUrl,
  distDir,
})
console.log(`GoPay admin web at ${web.url} (API: ${coreApiUrl})`)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, async () => {
    await web.close()
    process.exit(0)
  })
