import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { uuid } from '../http/schemas'
import type { TransactionAdmin } from './admin'

const sideSchema = z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() }).nullable()
const item = z.object({
  id: z.uuid(),
  type: z.string(),
  status: z.string(),
  amount: z.number().int(),
  fee: z.number().int(),
  currency: z.string(),
  reference: z.string().nullable(),
  payer: sideSchema,
  payee: sideSchema,
  createdAt: z.string(),
})
const detail = z.object({
  transaction: item.extend({
    note: z.string().nullable(),
    metadata: z.unknown(),
    originalTransactionId: z.string().nullable(),
  }),
  entries: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      description: z.string().nullable(),
      createdAt: z.string(),
      postings: z.array(
        z.object({
          accountId: z.string(),
          accountType: z.string(),
          partyId: z.string().nullable(),
          partyName: z.string().nullable(),
          amount: z.number().int(),
        }),
      ),
    }),
  ),
  partnerCalls: z.array(
    z.object({
      id: z.uuid(),
      partner: z.string(),
      operation: z.string(),
      reference: z.string(),
      status: z.string(),
      partnerReference: z.string().nullable(),
      asks: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      settledAt: z.string().nullable(),
    }),
  ),
  flags: z.array(z.object({ kind: z.string(), reason: z.string(), createdAt: z.string() })),
})

const when = z.iso.datetime({ offset: true }).or(z.iso.date())

export function transactionAdminRoutes({ transactionAdmin }: { transactionAdmin: TransactionAdmin }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/transactions',
      summary: 'Search transactions: type, status, period, party, amount range, reference (newest first)',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({
        ...pageQuery,
        type: z
          .string()
          .regex(/^[a-z0-9_]{2,40}$/)
          .optional(),
        status: z.enum(['pending', 'completed', 'failed', 'reversed']).optional(),
        from: when.optional(),
        to: when.optional(),
        party: z.string().trim().min(2).max(64).optional(),
        min: z.coerce.number().int().min(0).optional(),
        max: z.coerce.number().int().min(0).optional(),
        q: z.string().trim().min(1).max(64).optional(),
      }),
      responses: { 200: { description: 'A page of transactions', schema: page(item) } },
      async handler({ query }) {
        const rows = await transactionAdmin.search(query)
        return { status: 200, body: pageOf(rows, query.limit) }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/transactions/:id',
      summary: 'One transaction with every posting, its partner calls and flags',
      tag: 'admin',
      permission: 'backoffice:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The transaction', schema: detail } },
      async handler({ params }) {
        const d = await transactionAdmin.detail(params.id)
        return d ? { status: 200, body: d } : problem(404, 'not_found', 'No such transaction.')
      },
    }),
  ]
}
