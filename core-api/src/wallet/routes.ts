import { z } from 'zod'
import { defineRoute } from '../http/route'
import { problem } from '../http/problem'
import { isValidCursor, type WalletService } from './service'

export function walletRoutes({ wallets }: { wallets: WalletService }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/me/wallet',
      summary: 'My balance: posted, and available (less pending reservations)',
      tag: 'wallet',
      permission: 'wallet:read',
      responses: {
        200: {
          description: 'Wallet',
          schema: z.object({
            accountId: z.string(),
            currency: z.string(),
            balance: z.number().int(),
            available: z.number().int(),
          }),
        },
      },
      async handler({ principal }) {
        const w = await wallets.wallet(principal.id, principal.roles)
        return w
          ? { status: 200, body: w }
          : problem(404, 'not_found', 'You have no wallet in this currency.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/me/transactions',
      summary: 'My transactions, newest first, a page at a time',
      tag: 'wallet',
      permission: 'transactions:read',
      query: z.strictObject({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z
          .string()
          .max(200)
          .refine(isValidCursor, { error: 'cursor is not one this API gave out' })
          .optional(),
      }),
      responses: { 200: { description: 'A page of transactions' } },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await wallets.history(principal.id, query),
      }),
    }),
  ]
}
