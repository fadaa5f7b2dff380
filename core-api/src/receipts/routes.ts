import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { uuid } from '../http/schemas'
import type { ReceiptService } from './service'

export const receiptSchema = z.object({
  id: z.uuid(),
  reference: z.string().describe('Short human reference, as printed and quoted in text messages'),
  type: z.string(),
  status: z.enum(['pending', 'completed', 'failed', 'reversed']),
  direction: z.enum(['in', 'out']),
  amount: z.number().int(),
  fee: z.number().int(),
  commission: z.number().int().nullable().describe("The agent's commission; only for that agent"),
  currency: z.string(),
  createdAt: z.string(),
  counterparty: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  method: z.enum(['qr', 'code', 'card']).nullable().describe('How a merchant sale was paid'),
  cashHandedOverAt: z.string().nullable(),
})

/** A calendar day in the GoPay time zone. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date is YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: 'date is not a real day' })

export const notYours = problem(404, 'not_found', 'No such transaction of yours.')

export function receiptRoutes({ receipts }: { receipts: ReceiptService }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/transactions/:id/receipt',
      summary: 'One transaction, as a party to it sees it: what a receipt (or its reprint) needs',
      tag: 'receipts',
      permission: 'receipts:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The receipt', schema: receiptSchema } },
      async handler({ principal, params }) {
        const r = await receipts.receipt(principal.id, params.id)
        return r ? { status: 200, body: r } : notYours
      },
    }),
  ]
}
