import { z } from 'zod'
import { ApprovalError, type Approvals } from '../approvals/service'
import { approvalProblem, approvalRequest } from '../approvals/routes'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { MAX_AMOUNT } from '../http/schemas'
import type { TariffAdmin } from './admin'

const money = z.number().int().min(0).max(MAX_AMOUNT)
const bps = z.number().int().min(0).max(10_000)
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'currency is an ISO 4217 code such as KES' })
const effectiveAt = z.iso.datetime({ offset: true })

const band = z.strictObject({
  minAmount: money.min(1),
  maxAmount: money.min(1),
  feeFixed: money,
  feeBps: bps,
  commissionFixed: money,
  commissionBps: bps,
})
const bandOut = z.object({
  id: z.string(),
  transactionType: z.string(),
  currency: z.string(),
  minAmount: z.number().int(),
  maxAmount: z.number().int(),
  feeFixed: z.number().int(),
  feeBps: z.number().int(),
  commissionFixed: z.number().int(),
  commissionBps: z.number().int(),
})
const limit = z.object({
  tier: z.number().int(),
  currency: z.string(),
  perTransaction: z.number().int(),
  daily: z.number().int(),
  monthly: z.number().int(),
  maxBalance: z.number().int(),
})

export function tariffRoutes({ tariffAdmin, approvals }: { tariffAdmin: TariffAdmin; approvals: Approvals }) {
  const ask = async (
    trx: Parameters<Approvals['request']>[0],
    kind: 'tariff_change' | 'limit_change',
    targetId: string,
    payload: Record<string, unknown>,
    reason: string,
    by: string,
  ) => {
    const r = await trx.transaction((t) =>
      approvals.request(t, { kind, targetId, payload, reason, requestedBy: by }),
    )
    return r === ApprovalError.Duplicate ? approvalProblem(r) : { status: 201, body: r }
  }
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/tariffs',
      summary: 'The fee tariff bands in force now',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({
        type: z
          .string()
          .regex(/^[a-z0-9_]{2,40}$/)
          .optional(),
      }),
      responses: { 200: { description: 'Bands', schema: z.object({ items: z.array(bandOut) }) } },
      handler: async ({ query }) => ({ status: 200, body: { items: await tariffAdmin.current(query.type) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/limits',
      summary: 'The limits per KYC tier in force now',
      tag: 'admin',
      permission: 'backoffice:read',
      responses: { 200: { description: 'Limits', schema: z.object({ items: z.array(limit) }) } },
      handler: async () => ({ status: 200, body: { items: await tariffAdmin.limits() } }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/tariff-history',
      summary: 'Approved tariff and limit changes, newest first, with what each replaced',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({ ...pageQuery, kind: z.enum(['tariff', 'limit']).optional() }),
      responses: {
        200: {
          description: 'A page of changes',
          schema: page(
            z.object({
              id: z.string(),
              kind: z.enum(['tariff', 'limit']),
              key: z.string(),
              effectiveAt: z.string(),
              applied: z.boolean(),
              appliedAt: z.string().nullable(),
              before: z.unknown(),
              after: z.unknown(),
              requestId: z.uuid(),
              requestedBy: z.uuid(),
              approvedBy: z.uuid(),
            }),
          ),
        },
      },
      handler: async ({ query }) => ({
        status: 200,
        body: pageOf(await tariffAdmin.history(query), query.limit),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/tariff-changes',
      summary: "Ask for a transaction type's fee bands to change at a stated time; another admin approves",
      tag: 'admin',
      permission: 'tariffs:change',
      body: z.strictObject({
        transactionType: z.string().regex(/^[a-z0-9_]{2,40}$/),
        currency,
        effectiveAt,
        reason: z.string().trim().min(3).max(300),
        bands: z.array(band).min(1).max(50),
      }),
      responses: { 201: { description: 'Requested', schema: approvalRequest } },
      async handler({ trx, principal, body }) {
        const bands = [...body.bands].sort((a, b) => a.minAmount - b.minAmount)
        for (const [i, b] of bands.entries()) {
          if (b.maxAmount < b.minAmount)
            return problem(400, 'validation_failed', `body.bands.${i}: maxAmount is below minAmount`)
          const next = bands[i + 1]
          if (next && next.minAmount <= b.maxAmount)
            return problem(400, 'validation_failed', `body.bands.${i + 1}: bands overlap`)
        }
        const { reason, ...change } = body
        return ask(
          trx,
          'tariff_change',
          `${body.transactionType}:${body.currency}`,
          { ...change, bands },
          reason,
          principal.id,
        )
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/limit-changes',
      summary: "Ask for a KYC tier's limits to change at a stated time; another admin approves",
      tag: 'admin',
      permission: 'tariffs:change',
      body: z.strictObject({
        tier: z.number().int().min(0).max(2),
        currency,
        perTransaction: money.min(1),
        daily: money.min(1),
        monthly: money.min(1),
        maxBalance: money.min(1),
        effectiveAt,
        reason: z.string().trim().min(3).max(300),
      }),
      responses: { 201: { description: 'Requested', schema: approvalRequest } },
      async handler({ trx, principal, body }) {
        if (!(body.perTransaction <= body.daily && body.daily <= body.monthly))
          return problem(400, 'validation_failed', 'body: limits must grow: perTransaction ≤ daily ≤ monthly')
        const { reason, ...change } = body
        return ask(trx, 'limit_change', `${body.tier}:${body.currency}`, change, reason, principal.id)
      },
    }),
  ]
}
