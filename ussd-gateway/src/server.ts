import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { createGatewayApp } from './app'
import type { GatewayConfig } from './config'
import { createCoreClient } from './core/client'
import { memorySessionStore, redisSessionStore } from './sessions/store'

export interface RunningGateway {
  url: string
  close(): Promise<void>
}

/** Starts the gateway: sessions in Redis when REDIS_URL is set, in memory otherwise. */
export async function startGateway(config: GatewayConfig, log?: Logger): Promise<RunningGateway> {
  const store = config.redisUrl ? redisSessionStore(config.redisUrl) : memorySessionStore()
  const core = createCoreClient({ baseUrl: config.coreApiUrl, serviceSecret: config.serviceSecret })
  const app = createGatewayApp({
    store,
    core,
    currency: config.currency,
    countryCode: config.countryCode,
    access: config.access,
    log,
  })
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s)).on('error', reject)
  })
  server.keepAliveTimeout = 65_000
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${config.host}:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()))
      server.closeAllConnections()
      await store.close()
    },
  }
}
