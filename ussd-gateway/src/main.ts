import { pino } from 'pino'
import { loadGatewayConfig } from './config'
import { startGateway } from './server'

const config = loadGatewayConfig(process.env)
const log = pino({ level: config.logLevel, name: 'gopay-ussd' })
const gateway = await startGateway(config, log)
log.info({ url: gateway.url, sessions: config.redisUrl ? 'redis' : 'memory' }, 'USSD gateway listening')
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await gateway.close()
    process.exit(0)
  })
