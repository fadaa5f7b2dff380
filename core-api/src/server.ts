import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { connect, type Db } from '@gopay/db'
import type { Logger } from 'pino'
import { createApp, createServices, type Services } from './app'
import type { CoreConfig } from './config'
import { startJobs, type Job } from './jobs/runner'
import { startQueuedJobs } from './jobs/queued'
import { africasTalkingSmsProvider, createOutboxDispatcher, localSmsProvider } from './sms/sender'

/** The background work: outbox delivery and expiry of holds nobody settled. */
export async function backgroundJobs(services: Services, config: CoreConfig, log: Logger): Promise<Job[]> {
  const sms = config.africasTalking
    ? await africasTalkingSmsProvider(config.africasTalking)
    : localSmsProvider(config.demo ? (to, message) => console.log(`[SMS to ${to}] ${message}`) : undefined)
  const dispatcher = createOutboxDispatcher({ db: services.db, sms, log })
  return [
    {
      name: 'outbox',
      everyMs: 200,
      run: async () => {
        while ((await dispatcher.dispatchBatch()) > 0) {
          /* drain */
        }
      },
    },
    { name: 'expire-holds', everyMs: 5_000, run: () => services.ledger.voidExpiredHolds() },
    { name: 'commission-payout', everyMs: 86_400_000, run: () => services.commissions.payOut() },
  ]
}

export interface RunningCoreApi {
  url: string
  services: Services
  close(): Promise<void>
}

export async function startCoreApi(
  config: CoreConfig,
  log: Logger,
  opts: { db?: Db; jobs?: boolean } = {},
): Promise<RunningCoreApi> {
  const db =
    opts.db ??
    connect({ url: config.databaseUrl, poolMax: config.dbPoolMax, applicationName: 'gopay-core-api' })
  const services = createServices(db, config)
  await services.ledger.openSystemAccounts(config.currency)
  const runJobs = opts.jobs !== false
  // With Redis, jobs go through BullMQ (shared with any separate worker); without it, in this process.
  const queued =
    runJobs && config.redisUrl
      ? await startQueuedJobs(await backgroundJobs(services, config, log), {
          redisUrl: config.redisUrl,
          log,
          prefix: config.queuePrefix,
        })
      : null
  const local =
    runJobs && !config.redisUrl ? startJobs(await backgroundJobs(services, config, log), log) : null
  const readiness = queued ? [{ name: 'queue', check: () => queued.ping() }] : []
  const app = createApp({ services, config, log, readiness })
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s)).on('error', reject)
  })
  server.keepAliveTimeout = 65_000
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${config.host}:${port}`,
    services,
    async close() {
      await queued?.stop()
      await local?.stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      if (!opts.db) await db.destroy()
    },
  }
}
