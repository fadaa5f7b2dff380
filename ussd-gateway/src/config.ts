import { z } from 'zod'

const schema = z.object({
  USSD_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  USSD_HOST: z.string().default('127.0.0.1'),
  CORE_API_URL: z.string().url().default('http://127.0.0.1:8080'),
  USSD_SERVICE_SECRET: z.string().min(16),
  USSD_SHARED_SECRET: z.string().min(8).optional(),
  USSD_ALLOWED_IPS: z.string().optional(),
  REDIS_URL: z.string().optional(),
  GOPAY_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('KES'),
  GOPAY_COUNTRY_CODE: z
    .string()
    .regex(/^[1-9]\d{0,2}$/)
    .default('254'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>

export function loadGatewayConfig(env: NodeJS.ProcessEnv) {
  const e = schema.parse(env)
  return {
    port: e.USSD_PORT,
    host: e.USSD_HOST,
    coreApiUrl: e.CORE_API_URL,
    serviceSecret: e.USSD_SERVICE_SECRET,
    access: {
      sharedSecret: e.USSD_SHARED_SECRET,
      allowedIps: e.USSD_ALLOWED_IPS?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    redisUrl: e.REDIS_URL || undefined,
    currency: e.GOPAY_CURRENCY,
    countryCode: e.GOPAY_COUNTRY_CODE,
    logLevel: e.LOG_LEVEL,
  }
}
