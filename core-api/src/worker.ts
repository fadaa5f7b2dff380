import { connect } from '@gopay/db'
import { createServices } from './app'
import { loadConfig } from './config'
import { startJobs } from './jobs/runner'
import { startQueuedJobs } from './jobs/queued'
import { createLogger } from './observability/logger'
import { backgroundJobs } from './server'

// The background worker on its own (docker-compose's `worker`): outbox delivery and hold expiry.
const config = loadConfig(process.env)
const log = createLogger(config.logLevel)
const db = connect({ url: config.databaseUrl, poolMax: 4, applicationName: 'gopay-worker' })
const services = createServices(db, config)
await services.ledger.openSystemAccounts(config.currency)
const work = await backgroundJobs(services, config, log)
const jobs = config.redisUrl
  ? await startQueuedJobs(work, { redisUrl: config.redisUrl, log, prefix: config.queuePrefix })
  : startJobs(work, log)
log.info({ queue: config.redisUrl ? 'bullmq' : 'in-process' }, 'worker started')
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await jobs.stop()
    await db.destroy()
    process.exit(0)
  })
