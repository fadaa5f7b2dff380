import { connect } from '@gopay/db'
import { createServices } from './app'
import { loadConfig } from './config'
import { createLogger } from './observability/logger'
import { startBackground } from './server'

// The background worker on its own (docker-compose's `worker`): outbox delivery, hold expiry, partner reconciliation, payouts.
const config = loadConfig(process.env)
const log = createLogger(config.logLevel)
const db = connect({ url: config.databaseUrl, poolMax: 4, applicationName: 'gopay-worker' })
const services = createServices(db, config, log)
await services.ledger.openSystemAccounts(config.currency)
const jobs = await startBackground(services, config, log)
log.info({ queue: config.redisUrl ? 'bullmq' : 'in-process' }, 'worker started')
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await jobs.stop()
    await db.destroy()
    process.exit(0)
  })
