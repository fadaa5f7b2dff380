import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import type { Dashboard } from './service'

const figures = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  byType: z.array(z.object({ type: z.string(), count: z.number().int(), value: z.number().int() })),
  activeUsers: z.number().int(),
  registrations: z.number().int(),
  feesEarned: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
})

export function dashboardRoutes({ dashboard }: { dashboard: Dashboard }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/dashboard',
      summary: "Today's figures and a period's (default the last 7 days), with agents' float positions",
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
      responses: {
        200: {
          description: 'The figures',
          schema: z.object({
            timezone: z.string(),
            today: figures,
            period: figures,
            agents: z.object({
              count: z.number().int(),
              belowThreshold: z.number().int(),
              positions: z.array(
                z.object({
                  id: z.uuid(),
                  code: z.string(),
                  businessName: z.string(),
                  floatBalance: z.number().int(),
                  floatThreshold: z.number().int(),
                  belowThreshold: z.boolean(),
                }),
              ),
            }),
          }),
        },
      },
      async handler({ query }) {
        if (query.from && query.to && query.from > query.to)
          return problem(400, 'validation_failed', 'query.from: the period starts after it ends')
        if (query.from && query.to && Date.parse(query.to) - Date.parse(query.from) > 366 * 86_400_000)
          return problem(400, 'validation_failed', 'query.to: a period is at most a year')
        return { status: 200, body: await dashboard.dashboard(query) }
      },
    }),
  ]
}
