import type { Db } from '@gopay/db'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { problem } from '../http/problem'
import { instant } from '../http/schemas'
import { isValidCursor, type WalletService } from './service'

export function walletRoutes({
  wallets,
  db,
  currency,
  timezone,
}: {
  wallets: WalletService
  db: Db
  currency: string
  timezone: string
}) {
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
      responses: {
        200: {
          description: 'A page of transactions',
          schema: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                type: z.string(),
                direction: z.enum(['in', 'out']),
                amount: z.number().int(),
                // What I paid on top: 0 on money that came in.
                fee: z.number().int(),
                counterparty: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
                status: z.enum(['pending', 'completed', 'failed', 'reversed']),
                createdAt: instant,
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await wallets.history(principal.id, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/me/limits',
      summary: 'My KYC tier, its limits, and what I have used of them today and this month',
      tag: 'wallet',
      permission: 'limits:read',
      responses: {
        200: {
          description: 'Limits and use',
          schema: z.object({
            kycTier: z.number().int(),
            currency: z.string(),
            perTransaction: z.number().int(),
            daily: z.number().int(),
            monthly: z.number().int(),
            maxBalance: z.number().int(),
            usedToday: z.number().int(),
            usedThisMonth: z.number().int(),
          }),
        },
      },
      async handler({ principal }) {
        // The same sums as spending_check, so what is shown is what is enforced.
        const { rows } = await db.raw(
          `SELECT p.kyc_tier, l.per_transaction, l.daily, l.monthly, l.max_balance,
             coalesce(sum(t.amount) FILTER (WHERE t.created_at >= date_trunc('day', now() AT TIME ZONE ?) AT TIME ZONE ?), 0)::bigint AS used_today,
             coalesce(sum(t.amount), 0)::bigint AS used_this_month
           FROM parties p JOIN tier_limits l ON l.tier = p.kyc_tier AND l.currency = ?
           LEFT JOIN transactions t ON t.payer_party_id = p.id AND t.status IN ('pending', 'completed')
             AND t.created_at >= date_trunc('month', now() AT TIME ZONE ?) AT TIME ZONE ?
           WHERE p.id = ? GROUP BY p.kyc_tier, l.per_transaction, l.daily, l.monthly, l.max_balance`,
          [timezone, timezone, currency, timezone, timezone, principal.id],
        )
        const r = rows[0]
        if (!r) return problem(404, 'not_found', 'No limits apply to this account.')
        return {
          status: 200,
          body: {
            kycTier: r.kyc_tier,
            currency,
            perTransaction: r.per_transaction,
            daily: r.daily,
            monthly: r.monthly,
            maxBalance: r.max_balance,
            usedToday: r.used_today,
            usedThisMonth: r.used_this_month,
          },
        }
      },
    }),
  ]
}
