import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { connect, type Db } from '@gopay/db'
import type { Logger } from 'pino'
import { createApp, createServices, type Services } from './app'
import type { CoreConfig } from './config'
import { startJobs, type Job } from './jobs/runner'
import { startQueuedJobs } from './jobs/queued'
import {
  africasTalkingSmsProvider,
  createOutboxDispatcher,
  localSmsProvider,
  startQueuedDelivery,
} from './sms/sender'

/** The periodic background work: outbox delivery, expiry of holds nobody settled, partners, payouts. */
export function backgroundJobs(services: Services, deliver: () => Promise<number>): Job[] {
  return [
    {
      name: 'outbox',
      everyMs: 200,
      run: async () => {
        while ((await deliver()) > 0) {
          /* drain */
        }
      },
    },
    { name: 'expire-holds', everyMs: 5_000, run: () => services.ledger.voidExpiredHolds() },
    // Approved tariff and limit changes take effect at their stated time.
    { name: 'apply-tariffs', everyMs: 5_000, run: () => services.tariffAdmin.applyDue() },
    { name: 'commission-payout', everyMs: 86_400_000, run: () => services.commissions.payOut() },
    // Transactions left pending with a partner (no answer, a lost callback): ask again and settle.
    { name: 'reconcile-partners', everyMs: 5_000, run: () => services.partnerCalls.reconcile() },
    { name: 'merchant-settlement', everyMs: 86_400_000, run: () => services.bank.settleAllMerchants() },
  ]
}

/**
 * Starts the background work. With Redis: the jobs are scheduled through BullMQ (shared with any
 * separate worker) and texts go through the notifications queue; without it, all in this process.
 */
export async function startBackground(services: Services, config: CoreConfig, log: Logger) {
  const sms = config.africasTalking
    ? await africasTalkingSmsProvider(config.africasTalking)
    : localSmsProvider(config.demo ? (to, message) => console.log(`[SMS to ${to}] ${message}`) : undefined)
  // Outbox messages other than texts: fraud screening of every transaction written and wrong PIN.
  const topics = { 'fraud.screen': services.fraud.screen }
  if (config.redisUrl) {
    const delivery = await startQueuedDelivery({
      db: services.db,
      sms,
      log,
      topics,
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
    })
    const jobs = await startQueuedJobs(
      backgroundJobs(services, () => delivery.relay()),
      {
        redisUrl: config.redisUrl,
        log,
        prefix: config.queuePrefix,
      },
    )
    return {
      ping: jobs.ping,
      async stop() {
        await jobs.stop()
        await delivery.stop()
      },
    }
  }
  const dispatcher = createOutboxDispatcher({ db: services.db, sms, log, topics })
  const jobs = startJobs(
    backgroundJobs(services, () => dispatcher.dispatchBatch()),
    log,
  )
  return { ping: undefined, stop: () => jobs.stop() }
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
  const services = createServices(db, config, log)
  await services.ledger.openSystemAccounts(config.currency)
  const background = opts.jobs !== false ? await startBackground(services, config, log) : null
  const ping = background?.ping
  const readiness = ping ? [{ name: 'queue', check: () => ping() }] : []
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
      await background?.stop()
      await services.paymentFeed.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      if (!opts.db) await db.destroy()
    },
  }
}
