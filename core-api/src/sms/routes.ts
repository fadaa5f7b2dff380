import type { Db } from '@gopay/db'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { instant, phone } from '../http/schemas'

/** The SMS outbox: what was sent (or, with no provider configured, kept here instead of sent). */
export function smsRoutes({ db }: { db: Db }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/sms-messages',
      summary: 'Text messages sent, newest first (the local SMS outbox when no provider is configured)',
      tag: 'admin',
      permission: 'sms:read',
      query: z.strictObject({
        phone: phone.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      responses: {
        200: {
          description: 'Messages',
          schema: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                message: z.string(),
                provider: z.string(),
                status: z.enum(['queued', 'sent', 'failed']),
                createdAt: instant,
                sentAt: instant.nullable(),
              }),
            ),
          }),
        },
      },
      async handler({ query }) {
        const q = db('sms_messages').orderBy('id', 'desc').limit(query.limit)
        if (query.phone) q.where({ to_phone: query.phone })
        const rows = await q.select('id', 'to_phone', 'body', 'provider', 'status', 'created_at', 'sent_at')
        return {
          status: 200,
          body: {
            items: rows.map((r) => ({
              id: String(r.id),
              to: r.to_phone,
              message: r.body,
              provider: r.provider,
              status: r.status,
              createdAt: r.created_at.toISOString(),
              sentAt: r.sent_at?.toISOString() ?? null,
            })),
          },
        }
      },
    }),
  ]
}
