import { randomUUID } from 'node:crypto'
import express, { Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import type { Db } from '@gopay/db'
import { agentRoutes } from './agents/routes'
import { createAgentService, type AgentService } from './agents/service'
import { createCommissionPayouts, type CommissionPayouts } from './agents/commissions'
import { authRoutes } from './auth/routes'
import { createAuthService, type AuthService } from './auth/service'
import { createTokenSigner, type TokenSigner } from './auth/tokens'
import type { CoreConfig } from './config'
import { buildOpenApi } from './http/openapi'
import { problem, problemHandler, sendProblem } from './http/problem'
import { mountRoute, type RouteSpec } from './http/route'
import { createIdempotencyService } from './idempotency/service'
import { cardRoutes } from './cards/routes'
import { smsRoutes } from './sms/routes'
import { merchantRoutes } from './merchants/routes'
import { refundRoutes } from './refunds/routes'
import { createRefundService, type RefundService } from './refunds/service'
import { createMerchantService, type MerchantService } from './merchants/service'
import { deviceRoutes } from './devices/routes'
import { createDeviceService, type DeviceService } from './devices/service'
import { reversalRoutes } from './reversals/routes'
import { createReversalService, type ReversalService } from './reversals/service'
import { createCardService, type CardService } from './cards/service'
import { ledgerRoutes } from './ledger/routes'
import { createLedgerService, type LedgerService } from './ledger/service'
import { createMetrics, type Metrics } from './observability/metrics'
import { createOutbox, type Outbox } from './outbox/service'
import { notificationRoutes } from './notifications/routes'
import { createNotifier, type Notifier } from './notifications/service'
import { airtimeRoutes } from './airtime/routes'
import { ussdRoutes } from './ussd/routes'
import { createUssdService, type UssdService } from './ussd/service'
import { createAirtimeService, type AirtimeService } from './airtime/service'
import { bankRoutes } from './bank/routes'
import { createBankService, type BankService } from './bank/service'
import { billRoutes } from './bills/routes'
import { createBillService, type BillService } from './bills/service'
import { africasTalkingAirtime, httpAirtimeGateway } from './integrations/airtime'
import { httpBankGateway } from './integrations/bank'
import { httpBillerGateway } from './integrations/billers'
import { createPartnerCalls, type Gateways, type PartnerCalls } from './integrations/partner-calls'
import { createTariffService, type TariffService } from './tariffs/service'
import { transferRoutes } from './transfers/routes'
import { createTransferService, type TransferService } from './transfers/service'
import { userRoutes } from './users/routes'
import { createUserService, type UserService } from './users/service'
import { walletRoutes } from './wallet/routes'
import { createWalletService, type WalletService } from './wallet/service'
import { terminalRoutes } from './terminals/routes'
import { createTerminalService, type TerminalService } from './terminals/service'
import { receiptRoutes } from './receipts/routes'
import { createReceiptService, type ReceiptService } from './receipts/service'
import { counterRoutes } from './agents/counter-routes'
import { createCounterService, type CounterService } from './agents/counter'
import { checkoutRoutes } from './merchants/checkout-routes'
import { createPaymentRequestFeed, type PaymentRequestFeed } from './merchants/feed'
import { createSalesService, type SalesService } from './merchants/sales'
import { createCardPaymentService, type CardPaymentService } from './cards/payments'
import { createAuditService, type AuditService } from './audit/service'
import { auditRoutes } from './audit/routes'
import { createStaffService, type StaffService } from './staff/service'
import { staffRoutes } from './staff/routes'
import { createUserAdminService, type UserAdmin } from './users/admin'
import { userAdminRoutes } from './users/admin-routes'
import { createTransactionAdmin, type TransactionAdmin } from './transactions/admin'
import { transactionAdminRoutes } from './transactions/routes'
import { createApprovals, type Approvals } from './approvals/service'
import { approvalRoutes } from './approvals/routes'
import { createFraudService, type FraudService } from './fraud/service'
import { fraudRoutes } from './fraud/routes'
import { createDashboard, type Dashboard } from './dashboard/service'
import { dashboardRoutes } from './dashboard/routes'
import { createReports, type Reports } from './reports/service'
import { reportRoutes } from './reports/routes'
import { healthRoutes } from './health/routes'
import { createTariffAdmin, type TariffAdmin } from './tariffs/admin'
import { tariffRoutes } from './tariffs/routes'
import { createAgentAdmin, type AgentAdmin } from './agents/admin'
import { agentAdminRoutes } from './agents/admin-routes'
import { createMerchantAdmin, type MerchantAdmin } from './merchants/admin'
import { merchantAdminRoutes } from './merchants/admin-routes'
import { createBillerAdmin, type BillerAdmin } from './billers/admin'
import { billerAdminRoutes } from './billers/routes'

export interface Services {
  db: Db
  tokens: TokenSigner
  auth: AuthService
  ledger: LedgerService
  tariffs: TariffService
  outbox: Outbox
  notifier: Notifier
  users: UserService
  transfers: TransferService
  wallets: WalletService
  cards: CardService
  agents: AgentService
  reversals: ReversalService
  devices: DeviceService
  commissions: CommissionPayouts
  merchants: MerchantService
  refunds: RefundService
  partnerCalls: PartnerCalls
  bank: BankService
  bills: BillService
  airtime: AirtimeService
  ussd: UssdService
  audit: AuditService
  staff: StaffService
  userAdmin: UserAdmin
  transactionAdmin: TransactionAdmin
  approvals: Approvals
  fraud: FraudService
  dashboard: Dashboard
  reports: Reports
  tariffAdmin: TariffAdmin
  agentAdmin: AgentAdmin
  merchantAdmin: MerchantAdmin
  billerAdmin: BillerAdmin
  metrics: Metrics
  /** Readiness checks beyond the database (the queue, when Redis is configured), for health. */
  readiness: Array<{ name: string; check(): Promise<unknown> }>
  config: CoreConfig
  timezone: string
  bankWebhookSecret?: string
  currency: string
  terminals: TerminalService
  receipts: ReceiptService
  counter: CounterService
  paymentFeed: PaymentRequestFeed
  cardPayments: CardPaymentService
  sales: SalesService
}

/** The outside parties' adapters, from configuration. */
export function gatewaysOf(config: CoreConfig): Gateways {
  const p = config.partners
  const http = (baseUrl: string, apiKey?: string) => ({ baseUrl, apiKey, timeoutMs: p.timeoutMs })
  return {
    bank: p.bankUrl ? httpBankGateway(http(p.bankUrl, p.bankApiKey)) : undefined,
    billers: p.billerUrl ? httpBillerGateway(http(p.billerUrl, p.billerApiKey)) : undefined,
    airtime: config.africasTalking
      ? africasTalkingAirtime({ ...config.africasTalking, timeoutMs: p.timeoutMs })
      : p.airtimeUrl
        ? httpAirtimeGateway(http(p.airtimeUrl))
        : undefined,
  }
}

/** Wires the domain services together; each is made by its factory from what it needs. */
export function createServices(db: Db, config: CoreConfig, log?: Logger): Services {
  const tokens = createTokenSigner(config.jwtSecret, config.accessTokenSeconds)
  const notifier = createNotifier({ db })
  const auth = createAuthService({ db, tokens, notifier, refreshTokenDays: config.refreshTokenDays })
  const ledger = createLedgerService({ db })
  const tariffs = createTariffService({ db })
  const outbox = createOutbox()
  const currency = config.currency
  const timezone = config.timezone
  const gateways = gatewaysOf(config)
  const partnerCalls = createPartnerCalls({ db, ledger, notifier, gateways, log })
  const devices = createDeviceService({ db })
  const receipts = createReceiptService({ db, timezone })
  const cards = createCardService({ db })
  const audit = createAuditService({ db })
  const reversals = createReversalService({ ledger, notifier })
  const approvals = createApprovals({ db, audit })
  approvals.handle('reversal', async (trx, req, deciderId) => {
    const r = await reversals.reverse(trx, {
      transactionId: req.targetId,
      staffId: deciderId,
      reason: req.reason,
    })
    return typeof r === 'string'
      ? { ok: false, failure: r, result: {} }
      : { ok: true, result: { reversal: r } }
  })
  const tariffAdmin = createTariffAdmin({ db, tariffs })
  approvals.handle('tariff_change', tariffAdmin.approveChange)
  approvals.handle('limit_change', tariffAdmin.approveChange)
  return {
    db,
    tokens,
    auth,
    ledger,
    tariffs,
    outbox,
    notifier,
    users: createUserService({ db, auth, ledger, outbox, notifier, currency }),
    transfers: createTransferService({ db, ledger, tariffs, currency, timezone: config.timezone }),
    wallets: createWalletService({ db, ledger, currency }),
    cards,
    agents: createAgentService({ ledger, tariffs, notifier, auth, currency, timezone: config.timezone }),
    reversals,
    devices,
    commissions: createCommissionPayouts({ db, ledger, notifier, currency }),
    merchants: createMerchantService({ db, currency }),
    refunds: createRefundService({ ledger, notifier }),
    partnerCalls,
    bank: createBankService({ db, ledger, tariffs, notifier, calls: partnerCalls, currency, timezone }),
    bills: createBillService({
      db,
      ledger,
      tariffs,
      calls: partnerCalls,
      gateway: gateways.billers,
      currency,
      timezone,
    }),
    airtime: createAirtimeService({ ledger, tariffs, calls: partnerCalls, currency, timezone }),
    bankWebhookSecret: config.partners.bankWebhookSecret,
    timezone,
    ussd: createUssdService({ db, auth, tariffs, currency, serviceSecret: config.ussdServiceSecret }),
    audit,
    staff: createStaffService({ db, auth, audit }),
    userAdmin: createUserAdminService({ db, ledger, audit, timezone }),
    transactionAdmin: createTransactionAdmin({ db }),
    approvals,
    fraud: createFraudService({ db, audit, auth, ledger }),
    dashboard: createDashboard({ db, timezone, currency }),
    reports: createReports({ db, timezone }),
    tariffAdmin,
    agentAdmin: createAgentAdmin({ db, auth, ledger, audit, currency }),
    merchantAdmin: createMerchantAdmin({ db, auth, ledger, audit, currency }),
    billerAdmin: createBillerAdmin({ db, ledger, audit, currency }),
    metrics: createMetrics(),
    readiness: [],
    config,
    currency,
    terminals: createTerminalService({ db, devices, auth, currency }),
    receipts,
    counter: createCounterService({ db, ledger, receipts, currency, timezone }),
    paymentFeed: createPaymentRequestFeed({ db, databaseUrl: config.databaseUrl, log }),
    cardPayments: createCardPaymentService({
      cards,
      ledger,
      tariffs,
      auth,
      notifier,
      receipts,
      currency,
      timezone,
    }),
    sales: createSalesService({ db, currency, timezone }),
  }
}

export interface AppDeps {
  services: Services
  config: CoreConfig
  log: Logger
  /** Extra readiness checks (the queue, when Redis is configured). */
  readiness?: Array<{ name: string; check(): Promise<unknown> }>
}

export function routesOf(services: Services): RouteSpec[] {
  return [
    ...authRoutes(services),
    ...userRoutes(services),
    ...walletRoutes(services),
    ...transferRoutes(services),
    ...ledgerRoutes(services),
    ...cardRoutes(services),
    ...smsRoutes(services),
    ...agentRoutes(services),
    ...reversalRoutes(services),
    ...deviceRoutes(services),
    ...merchantRoutes(services),
    ...refundRoutes(services),
    ...notificationRoutes(services),
    ...bankRoutes(services),
    ...billRoutes(services),
    ...airtimeRoutes(services),
    ...ussdRoutes(services),
    ...terminalRoutes(services),
    ...receiptRoutes(services),
    ...counterRoutes(services),
    ...checkoutRoutes(services),
    ...auditRoutes(services),
    ...staffRoutes(services),
    ...userAdminRoutes(services),
    ...transactionAdminRoutes(services),
    ...approvalRoutes(services),
    ...fraudRoutes(services),
    ...dashboardRoutes(services),
    ...reportRoutes(services),
    ...healthRoutes(services),
    ...tariffRoutes(services),
    ...agentAdminRoutes(services),
    ...merchantAdminRoutes(services),
    ...billerAdminRoutes(services),
  ]
}

/** The OpenAPI document of every route: served at /v1/openapi.json, and what the typed client is generated from. */
export const apiDocument = (services: Services) => buildOpenApi(routesOf(services), { version: '1.0.0' })

export function createApp({ services, config, log, readiness = [] }: AppDeps) {
  const app = express()
  const metrics = services.metrics
  // The health route reads the queue's readiness check too.
  services.readiness.push(...readiness.filter((r) => !services.readiness.includes(r)))
  const routes = routesOf(services)
  const openapi = apiDocument(services)

  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(helmet())
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id']
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID()
        res.setHeader('X-Request-Id', id)
        return id
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  )
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method })
    res.on('finish', () => end({ route: req.route?.path ?? 'unmatched', status: String(res.statusCode) }))
    next()
  })
  app.use(
    express.json({
      limit: '16kb',
      strict: true,
      type: ['application/json', 'application/*+json'],
      // Webhook signatures are over the exact bytes received.
      verify: (req, _res, buf) => {
        if (req.url?.startsWith('/v1/integrations/')) (req as { rawBody?: Buffer }).rawBody = buf
      },
    }),
  )

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    const checks = [{ name: 'database', check: () => services.db.raw('SELECT 1') }, ...readiness]
    const results = await Promise.all(
      checks.map(async (c) => {
        try {
          await c.check()
          return [c.name, 'ok'] as const
        } catch (err) {
          return [c.name, `failing: ${String(err).slice(0, 200)}`] as const
        }
      }),
    )
    const ok = results.every(([, s]) => s === 'ok')
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ready' : 'not ready', checks: Object.fromEntries(results) })
  })
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
  app.get('/v1/openapi.json', (_req, res) => {
    res.json(openapi)
  })

  const tooMany = (detail: string) => (_req: express.Request, res: express.Response) =>
    sendProblem(res, problem(429, 'rate_limited', detail))
  // Brute force on one phone or email from one place, and a flood of logins from one place. The
  // USSD gateway's PIN sessions are sign-ins too: the same limits, counted with the logins.
  app.use(
    ['/v1/auth/login', '/v1/ussd/sessions'],
    rateLimit({
      windowMs: 15 * 60_000,
      limit: config.loginRateLimit,
      keyGenerator: (req) => `${req.ip}|${String(req.body?.phone ?? req.body?.email ?? '')}`,
      // Only refused attempts are guessing: staff signing in again and again (new tab, expired
      // session) were locked out for 15 minutes after ten good sign-ins.
      skipSuccessfulRequests: true,
      handler: tooMany('Too many sign-in attempts for this account; wait 15 minutes.'),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      validate: { keyGeneratorIpFallback: false },
    }),
    rateLimit({
      windowMs: 60_000,
      limit: config.loginRateLimit * 30,
      handler: tooMany('Too many sign-in attempts; slow down.'),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
    }),
  )

  const router = Router()
  for (const spec of routes)
    mountRoute(router, spec, {
      db: services.db,
      tokens: services.tokens,
      auth: services.auth,
      idempotency: createIdempotencyService(),
    })
  app.use(router)
  app.use((_req, res) => sendProblem(res, problem(404, 'not_found', 'There is nothing at this address.')))
  app.use(problemHandler(log))
  return app
}
