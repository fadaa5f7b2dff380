import { connect, migrateLatest } from '@gopay/db'
import { createServices } from './app'
import { loadConfig } from './config'
import { seedProduction } from './demo/seed'
import { createLogger } from './observability/logger'
import { startCoreApi } from './server'

// The core API on its own, against DATABASE_URL (containers, benchmarks). `npm start` runs everything.
const config = loadConfig(process.env)
const log = createLogger(config.logLevel)
const db = connect({ url: config.databaseUrl, poolMax: config.dbPoolMax, applicationName: 'gopay-core-api' })
if (process.env.GOPAY_MIGRATE !== '0') await migrateLatest(db)
await seedProduction(createServices(db, config), config)
const core = await startCoreApi(config, log, { db, jobs: process.env.GOPAY_JOBS !== '0' })
log.info({ url: core.url }, 'core API listening')
console.log(`core API listening on ${core.url}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await core.close()
    await db.destroy()
    process.exit(0)
  })
