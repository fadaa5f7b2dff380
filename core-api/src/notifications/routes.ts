import { z } from 'zod'
import { defineRoute } from '../http/route'
import { instant } from '../http/schemas'
import type { Notifier } from './service'

export function notificationRoutes({ notifier }: { notifier: Notifier }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/me/notifications',
      summary: 'What GoPay told me, newest first (the in-app list)',
      tag: 'notifications',
      permission: 'notifications:read',
      query: z.strictObject({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        before: z
          .string()
          .regex(/^\d{1,19}$/)
          .optional(),
      }),
      responses: {
        200: {
          description: 'A page of notifications and how many are unread',
          schema: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                body: z.string(),
                createdAt: instant,
                read: z.boolean(),
              }),
            ),
            // The last item's id, to pass as `before` for the next page.
            nextBefore: z.string().nullable(),
            unread: z.number().int(),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await notifier.list(principal.id, query),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/me/notifications/read',
      summary: 'Mark my notifications read, up to and including one',
      tag: 'notifications',
      permission: 'notifications:read',
      body: z.strictObject({ upTo: z.string().regex(/^\d{1,19}$/) }),
      responses: {
        200: { description: 'How many were marked', schema: z.object({ marked: z.number().int() }) },
      },
      handler: async ({ principal, body }) => ({
        status: 200,
        body: { marked: await notifier.markRead(principal.id, body.upTo) },
      }),
    }),
  ]
}
