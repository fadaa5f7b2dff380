import { z } from 'zod'
import { defineRoute } from '../http/route'
import { reportNames, type Reports } from './service'

const params = z.strictObject({ name: z.enum(reportNames) })
const query = z.strictObject({ date: z.iso.date({ error: 'date must be YYYY-MM-DD' }) })

export function reportRoutes({ reports }: { reports: Reports }) {
  return [
    // Before the JSON route: `:name` would otherwise take "daily-transactions.csv" whole.
    defineRoute({
      method: 'get',
      path: '/v1/admin/reports/:name.csv',
      summary: 'A report for one day as CSV (a header row, then the same rows as the screen)',
      tag: 'admin',
      permission: 'reports:read',
      params,
      query,
      responses: { 200: { description: 'The report as CSV', contentType: 'text/csv' } },
      async handler({ params: p, query: q }) {
        const r = await reports.report(p.name, q.date)
        return {
          status: 200,
          body: reports.csv(r),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'Content-Disposition': `attachment; filename="${p.name}-${q.date}.csv"` },
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/reports/:name',
      summary:
        'A report for one day: daily transactions, agent commissions, merchant settlements, trial balance',
      tag: 'admin',
      permission: 'reports:read',
      params,
      query,
      responses: {
        200: {
          description: 'The report',
          schema: z.object({
            name: z.enum(reportNames),
            date: z.string(),
            timezone: z.string(),
            columns: z.array(z.string()),
            rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
          }),
        },
      },
      handler: async ({ params: p, query: q }) => ({
        status: 200,
        body: await reports.report(p.name, q.date),
      }),
    }),
  ]
}
