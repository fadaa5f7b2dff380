import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { connect, migrateLatest, startEmbeddedPostgres, type EmbeddedPostgres } from '@gopay/db'
import {
  createServices,
  createLogger,
  loadConfig,
  seedDemo,
  seedProduction,
  startCoreApi,
  startPartnerSimulator,
  type PartnerSimulator,
} from '@gopay/core-api'
import { loadGatewayConfig, startGateway } from '@gopay/ussd-gateway'
import { startVirtualLab } from '@gopay/hardware'
import { enrolDemoTerminal, ensureRendererBuilt, startBrowserTerminal } from '@gopay/terminal-app'
import { buildAdminWeb, startAdminWeb } from '@gopay/admin-web'

// `npm start`: the whole system on this machine. Without DATABASE_URL, an embedded PGlite under
// ./.gopay/ (kept between starts); without REDIS_URL, background jobs run in this process.
const env: NodeJS.ProcessEnv = { ...process.env, GOPAY_DEMO: process.env.GOPAY_DEMO ?? '1' }
const dataDir = resolve(env.GOPAY_DATA_DIR ?? '.gopay', 'pgdata')
let embedded: EmbeddedPostgres | undefined
if (!env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir })
  env.DATABASE_URL = embedded.url
}
// No partner configured: the bank, billers and airtime are the local simulator (faults off).
let partners: PartnerSimulator | undefined
if (!env.BANK_API_URL && !env.BILLER_API_URL && !env.AIRTIME_API_URL) {
  env.BANK_WEBHOOK_SECRET ??= randomBytes(24).toString('base64url')
  partners = await startPartnerSimulator({
    port: Number(env.PARTNER_SIM_PORT ?? 8084),
    webhookSecret: env.BANK_WEBHOOK_SECRET,
  })
  env.BANK_API_URL = env.BILLER_API_URL = env.AIRTIME_API_URL = partners.url
}
// The gateway's service credential: random per start unless one is given.
env.USSD_SERVICE_SECRET ??= randomBytes(24).toString('base64url')
// The admin page is built (only when its sources changed) while the database starts.
const adminDist = buildAdminWeb()
const config = loadConfig(env)
const log = createLogger(process.env.LOG_LEVEL ?? 'warn')
// PGlite is one backend: a small pool is all it can use.
const db = connect({
  url: config.databaseUrl,
  poolMax: embedded ? 4 : config.dbPoolMax,
  applicationName: 'gopay-core-api',
})
await migrateLatest(db)
const services = createServices(db, config)
const seeded = config.demo ? await seedDemo(services, config) : await seedProduction(services, config)
const core = await startCoreApi(config, log, { db })
partners?.setWebhook(`${core.url}/v1/integrations/bank/events`)
// The demo accepts hops from loopback only (no USSD_SHARED_SECRET / USSD_ALLOWED_IPS given).
const ussd = await startGateway(loadGatewayConfig({ ...env, CORE_API_URL: core.url }), log)
// The terminal in browser mode; its devices are the virtual lab unless GOPAY_PRINTER/… name real ones.
const lab = await startVirtualLab({ tcpPort: 0 })
const ptyPrinter = lab.printers.find((p) => p.connection.startsWith('serial:'))
env.GOPAY_PRINTER ??= ptyPrinter?.connection ?? 'virtual'
env.GOPAY_CARD_READER ??= lab.cardReader?.connection ?? 'virtual'
env.GOPAY_DISPLAY ??= lab.display?.connection ?? 'window'
for (const p of lab.printers)
  p.printer.on('receipt', (r) => console.log(`[virtual printer] receipt:\n  ${r.lines.join('\n  ')}`))
await ensureRendererBuilt()
const terminal = await startBrowserTerminal({
  coreUrl: core.url,
  dataDir: resolve(env.GOPAY_DATA_DIR ?? '.gopay', 'terminal'),
  port: Number(env.TERMINAL_PORT ?? 8083),
  env,
})
const demoTerminal =
  config.demo && !(await terminal.terminal.handlers['terminal.info']({})).activated
    ? await enrolDemoTerminal(
        core.url,
        { email: 'admin@gopay.local', password: 'demo-admin-pass' },
        { agentCode: 'AG001' },
      )
    : null
// The admin web serves its page and passes /v1 on to the core (one origin: no CORS).
const admin = await startAdminWeb({
  port: Number(env.ADMIN_WEB_PORT ?? 8082),
  coreApiUrl: core.url,
  distDir: await adminDist,
})

console.log(`GoPay is running${embedded ? ` on the embedded database (${dataDir})` : ''}${seeded ? '; demo data seeded' : ''}.
  core API      ${core.url}            (OpenAPI: ${core.url}/v1/openapi.json)
  admin web     ${admin.url}            (staff sign-in; the back office)
  USSD gateway  ${ussd.url}/ussd      (a phone: npm run ussd -- --phone +254711000001)
  partners      ${partners ? `simulator at ${partners.url} (bank, billers, airtime; POST /_sim/faults)` : 'BANK_API_URL, BILLER_API_URL, AIRTIME_API_URL'}
  health        ${core.url}/healthz  ${core.url}/readyz  ${core.url}/metrics
  database      ${embedded ? `embedded PGlite at ${embedded.url}` : 'DATABASE_URL'}
  jobs          ${config.redisUrl ? 'REDIS_URL' : 'in this process (no REDIS_URL)'}
  terminal      ${terminal.url}  (customer display: ${terminal.url}/display; printer ${env.GOPAY_PRINTER})${demoTerminal ? `\n                activation code for agent AG001: ${demoTerminal.activationCode}, then sign in +254722000001 / PIN 1470` : ''}
Demo sign-in: admin@gopay.local / demo-admin-pass, Amina +254711000001 / PIN 1357 (see CONTRACT.md).
Press Ctrl-C to stop.`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    console.log('\nstopping…')
    await terminal.close()
    await lab.stop()
    await admin.close()
    await ussd.close()
    await core.close()
    await partners?.close()
    await db.destroy()
    await embedded?.stop()
    console.log('stopped')
    process.exit(0)
  })
