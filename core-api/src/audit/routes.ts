import { z } from 'zod'
import { defineRoute } from '../http/route'
import { encodeCursor, page, pageQuery } from '../http/paging'
import type { AuditService } from './service'

const auditRow = z.object({
  id: z.number().int(),
  seq: z.number().int().nullable(),
  actorPartyId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  createdAt: z.string(),
  hash: z.string().nullable(),
})

export function auditRoutes({ audit }: { audit: AuditService }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/audit-log',
      summary: 'The audit log, newest first: every staff action and every money movement',
      tag: 'admin',
      permission: 'audit:read',
      query: z.strictObject({
        ...pageQuery,
        action: z.string().max(100).optional(),
        actor: z.uuid().optional(),
        target: z.string().max(100).optional(),
      }),
      responses: { 200: { description: 'A page of the log', schema: page(auditRow) } },
      async handler({ query }) {
        const rows = await audit.list(query)
        const items = rows.slice(0, query.limit)
        const last = items[items.length - 1]
        const nextCursor =
          rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: String(last.id) }) : null
        return { status: 200, body: { items, nextCursor } }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/audit-log/verify',
      summary: "Check the audit log's hash chain; names the first row that does not hold",
      tag: 'admin',
      permission: 'audit:read',
      responses: {
        200: {
          description: 'The outcome',
          schema: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBrokenId: z.number().int().nullable(),
          }),
        },
      },
      handler: async () => ({ status: 200, body: await audit.verify() }),
    }),
  ]
}
