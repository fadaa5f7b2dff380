import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Db } from '@gopay/db'
import type { CoreConfig } from '../config'
import { defineRoute } from '../http/route'
import type { Metrics } from '../observability/metrics'

const version: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version

const partnerState = z.enum(['up', 'degraded', 'down', 'idle', 'not_configured'])
const health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().int(),
  database: z.object({ ok: z.boolean(), latencyMs: z.number() }),
  redis: z.object({ configured: z.boolean(), ok: z.boolean().nullable() }),
  queue: z.object({
    depth: z.number().int(),
    failed: z.number().int(),
    oldestPendingSeconds: z.number().int(),
  }),
  partners: z.array(
    z.object({
      name: z.string(),
      state: partnerState,
      calls: z.number().int(),
      failures: z.number().int(),
      pending: z.number().int(),
      lastCallAt: z.string().nullable(),
    }),
  ),
  api: z.object({
    requests: z.number().int(),
    errors: z.number().int(),
    errorRate: z.number(),
    p95LatencyMs: z.number().nullable(),
  }),
})

/** p95 from the request-duration histogram's cumulative buckets (the upper bound of the bucket it falls in). */
async function apiFigures(metrics: Metrics) {
  const { values } = await metrics.httpDuration.get()
  const buckets = new Map<number, number>()
  let requests = 0
  let errors = 0
  for (const v of values) {
    const labels = v.labels as Record<string, string | number>
    if (v.metricName?.endsWith('_count')) {
      requests += v.value
      if (Number(labels.status) >= 500) errors += v.value
    } else if (v.metricName?.endsWith('_bucket') && labels.le !== '+Inf')
      buckets.set(Number(labels.le), (buckets.get(Number(labels.le)) ?? 0) + v.value)
  }
  let p95: number | null = null
  for (const [le, n] of [...buckets].sort((a, b) => a[0] - b[0]))
    if (requests > 0 && n >= requests * 0.95) {
      p95 = le * 1000
      break
    }
  return {
    requests,
    errors,
    errorRate: requests ? errors / requests : 0,
    p95LatencyMs: requests ? p95 : null,
  }
}

export function healthRoutes({
  db,
  config,
  metrics,
  readiness,
}: {
  db: Db
  config: CoreConfig
  metrics: Metrics
  /** Read at each request: the server adds the queue's check after the routes are made. */
  readiness: Array<{ name: string; check(): Promise<unknown> }>
}) {
  const configured: Record<string, boolean> = {
    bank: !!config.partners.bankUrl,
    biller: !!config.partners.billerUrl,
    airtime: !!(config.partners.airtimeUrl || config.africasTalking),
  }
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/health',
      summary:
        'System health: database, Redis, the outbox queue, partners, API latency and errors, version, uptime',
      tag: 'admin',
      permission: 'backoffice:read',
      responses: { 200: { description: 'Health', schema: health } },
      async handler() {
        const t0 = performance.now()
        const dbOk = await db.raw('SELECT 1').then(
          () => true,
          () => false,
        )
        const latencyMs = Math.round((performance.now() - t0) * 10) / 10
        const queueCheck = readiness.find((r) => r.name === 'queue')
        const redisOk = config.redisUrl
          ? queueCheck
            ? await queueCheck.check().then(
                () => true,
                () => false,
              )
            : null
          : null
        const queue = dbOk
          ? (
              await db.raw(`SELECT count(*) FILTER (WHERE dispatched_at IS NULL)::int AS depth,
                 count(*) FILTER (WHERE last_error IS NOT NULL AND (dispatched_at IS NULL OR attempts >= 8))::int AS failed,
                 coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE dispatched_at IS NULL)), 0)::int AS oldest
               FROM outbox WHERE dispatched_at IS NULL OR (last_error IS NOT NULL AND created_at > now() - interval '1 day')`)
            ).rows[0]
          : { depth: 0, failed: 0, oldest: 0 }
        const calls = dbOk
          ? (
              await db.raw(`SELECT partner, count(*)::int AS calls, count(*) FILTER (WHERE status = 'failed')::int AS failures,
                 count(*) FILTER (WHERE status = 'pending')::int AS pending,
                 count(*) FILTER (WHERE status = 'pending' AND created_at < now() - interval '5 minutes')::int AS stuck,
                 max(created_at) AS last
               FROM partner_calls WHERE created_at > now() - interval '1 hour' OR status = 'pending' GROUP BY partner`)
            ).rows
          : []
        const partners = (['bank', 'biller', 'airtime'] as const).map((name) => {
          const c = calls.find((r: { partner: string }) => r.partner === name)
          const state: z.infer<typeof partnerState> = !configured[name]
            ? 'not_configured'
            : !c
              ? 'idle'
              : c.failures > c.calls / 2
                ? 'down'
                : c.failures > c.calls / 10 || c.stuck > 0
                  ? 'degraded'
                  : 'up'
          return {
            name,
            state,
            calls: c?.calls ?? 0,
            failures: c?.failures ?? 0,
            pending: c?.pending ?? 0,
            lastCallAt: c?.last ? new Date(c.last).toISOString() : null,
          }
        })
        const api = await apiFigures(metrics)
        const degraded =
          !dbOk ||
          redisOk === false ||
          queue.failed > 0 ||
          partners.some((p) => p.state === 'down' || p.state === 'degraded') ||
          api.errorRate > 0.05
        return {
          status: 200,
          body: {
            status: degraded ? 'degraded' : 'ok',
            version,
            uptimeSeconds: Math.floor(process.uptime()),
            database: { ok: dbOk, latencyMs },
            redis: { configured: !!config.redisUrl, ok: redisOk },
            queue: { depth: queue.depth, failed: queue.failed, oldestPendingSeconds: queue.oldest },
            partners,
            api,
          },
        }
      },
    }),
  ]
}
