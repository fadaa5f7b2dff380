import { z } from 'zod'
import { defineRoute } from '../http/route'
import type { LedgerService } from './service'

export function ledgerRoutes({ ledger }: { ledger: LedgerService }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/ledger/trial-balance',
      summary: 'Debits and credits over the whole ledger, per currency',
      tag: 'ledger',
      permission: 'ledger:read',
      responses: {
        200: {
          description: 'Trial balance',
          schema: z.object({
            currencies: z.array(
              z.object({
                currency: z.string(),
                debits: z.number().int(),
                credits: z.number().int(),
                balanced: z.boolean(),
                balancesMatchPostings: z.boolean(),
              }),
            ),
          }),
        },
      },
      handler: async () => ({ status: 200, body: { currencies: await ledger.trialBalance() } }),
    }),
  ]
}
