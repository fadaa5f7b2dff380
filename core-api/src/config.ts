import { randomBytes } from 'node:crypto'
import { z } from 'zod'

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().optional(),
  GOPAY_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]{1,40}$/)
    .default('gopay'),
  CORE_API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CORE_API_HOST: z.string().default('127.0.0.1'),
  JWT_SECRET: z.string().min(32).optional(),
  GOPAY_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('KES'),
  GOPAY_TIMEZONE: z.string().default('Africa/Nairobi'),
  GOPAY_DEMO: z.enum(['0', '1']).optional(),
  GOPAY_ADMIN_EMAIL: z.string().email().optional(),
  GOPAY_ADMIN_PASSWORD: z.string().min(12).optional(),
  GOPAY_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  GOPAY_DB_POOL: z.coerce.number().int().positive().default(20),
  AT_API_KEY: z.string().optional(),
  AT_USERNAME: z.string().optional(),
  AT_SENDER_ID: z.string().optional(),
  BANK_API_URL: z.string().url().optional(),
  BANK_API_KEY: z.string().optional(),
  BANK_WEBHOOK_SECRET: z.string().min(16).optional(),
  BILLER_API_URL: z.string().url().optional(),
  BILLER_API_KEY: z.string().optional(),
  AIRTIME_API_URL: z.string().url().optional(),
  PARTNER_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  USSD_SERVICE_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface CoreConfig {
  databaseUrl: string
  redisUrl?: string
  queuePrefix: string
  port: number
  host: string
  jwtSecret: string
  currency: string
  timezone: string
  demo: boolean
  bootstrapAdmin?: { email: string; password: string }
  loginRateLimit: number
  dbPoolMax: number
  africasTalking?: { apiKey: string; username: string; senderId?: string }
  /** Outside parties; a flow whose partner is not configured answers 503 (the demo starts simulators). */
  partners: {
    bankUrl?: string
    bankApiKey?: string
    bankWebhookSecret?: string
    billerUrl?: string
    billerApiKey?: string
    airtimeUrl?: string
    timeoutMs: number
  }
  /** The USSD gateway's service credential (role `ussd`). */
  ussdServiceSecret?: string
  logLevel: string
  accessTokenSeconds: number
  refreshTokenDays: number
}

/** Reads the environment once, at start; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<CoreConfig> = {}): CoreConfig {
  const e = schema.parse(env)
  const demo = e.GOPAY_DEMO === '1'
  const databaseUrl = overrides.databaseUrl ?? e.DATABASE_URL
  if (!databaseUrl) throw new Error('DATABASE_URL is required (npm start provides an embedded one)')
  let jwtSecret = overrides.jwtSecret ?? e.JWT_SECRET
  if (!jwtSecret) {
    if (!demo) throw new Error('JWT_SECRET (at least 32 characters) is required outside the demo')
    // Demo only: a fresh secret each start, so demo tokens die with the process.
    jwtSecret = randomBytes(32).toString('base64url')
  }
  return {
    databaseUrl,
    redisUrl: e.REDIS_URL || undefined,
    queuePrefix: e.GOPAY_QUEUE_PREFIX,
    port: e.CORE_API_PORT,
    host: e.CORE_API_HOST,
    jwtSecret,
    currency: e.GOPAY_CURRENCY,
    timezone: e.GOPAY_TIMEZONE,
    demo,
    bootstrapAdmin:
      e.GOPAY_ADMIN_EMAIL && e.GOPAY_ADMIN_PASSWORD
        ? { email: e.GOPAY_ADMIN_EMAIL, password: e.GOPAY_ADMIN_PASSWORD }
        : undefined,
    loginRateLimit: e.GOPAY_LOGIN_RATE_LIMIT,
    dbPoolMax: e.GOPAY_DB_POOL,
    africasTalking:
      e.AT_API_KEY && e.AT_USERNAME
        ? { apiKey: e.AT_API_KEY, username: e.AT_USERNAME, senderId: e.AT_SENDER_ID }
        : undefined,
    partners: {
      bankUrl: e.BANK_API_URL,
      bankApiKey: e.BANK_API_KEY,
      bankWebhookSecret: e.BANK_WEBHOOK_SECRET,
      billerUrl: e.BILLER_API_URL,
      billerApiKey: e.BILLER_API_KEY,
      airtimeUrl: e.AIRTIME_API_URL,
      timeoutMs: e.PARTNER_TIMEOUT_MS,
    },
    ussdServiceSecret: e.USSD_SERVICE_SECRET,
    logLevel: e.LOG_LEVEL,
    accessTokenSeconds: 900,
    refreshTokenDays: 30,
    ...overrides,
  }
}
