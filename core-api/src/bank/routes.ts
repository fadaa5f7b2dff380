import type { Request } from 'express'
import { z } from 'zod'
import type { Db } from '@gopay/db'
import type { AuditService } from '../audit/service'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { amount, pendingTransaction, transaction } from '../http/schemas'
import { partnerAnswer } from '../integrations/answer'
import type { PartnerCalls } from '../integrations/partner-calls'
import { SIGNATURE_HEADER, verifyWebhook } from '../integrations/signature'
import type { BankService } from './service'

const accountNumber = z.string().regex(/^[0-9]{6,20}$/, { error: 'accountNumber is 6 to 20 digits' })

const bankEvent = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(60),
  data: z.object({
    reference: z.string().max(100).optional(),
    partnerReference: z.string().max(100).optional(),
    amount: z.number().int().positive().optional(),
    phone: z.string().max(20).optional(),
    reason: z.string().max(200).optional(),
  }),
})

export function bankRoutes({
  bank,
  partnerCalls,
  bankWebhookSecret,
  audit,
  db,
}: {
  bank: BankService
  partnerCalls: PartnerCalls
  bankWebhookSecret?: string
  audit: AuditService
  db: Db
}) {
  const pending = {
    201: { description: 'Done', schema: transaction },
    202: { description: 'Waiting on the bank', schema: pendingTransaction },
  }
  return [
    defineRoute({
      method: 'post',
      path: '/v1/bank-transfers',
      summary: 'Send money from my wallet to a bank account (held until the bank confirms)',
      tag: 'bank',
      permission: 'bank_transfer:create',
      idempotent: true,
      body: z.strictObject({ accountNumber, amount }),
      responses: pending,
      handler: async ({ trx, principal, body }) =>
        partnerAnswer(
          partnerCalls,
          await bank.cashOutToBank(trx, {
            userId: principal.id,
            accountNumber: body.accountNumber,
            amount: BigInt(body.amount),
          }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/agents/me/float/top-ups',
      summary: 'Top up my float from my bank account (credited when the bank confirms)',
      tag: 'agents',
      permission: 'float:manage',
      idempotent: true,
      body: z.strictObject({ amount }),
      responses: pending,
      handler: async ({ trx, principal, body }) =>
        partnerAnswer(
          partnerCalls,
          await bank.topUpFloat(trx, { agentId: principal.id, amount: BigInt(body.amount) }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/agents/me/float/withdrawals',
      summary: 'Send float back to my bank account',
      tag: 'agents',
      permission: 'float:manage',
      idempotent: true,
      body: z.strictObject({ amount }),
      responses: pending,
      handler: async ({ trx, principal, body }) =>
        partnerAnswer(
          partnerCalls,
          await bank.withdrawFloat(trx, { agentId: principal.id, amount: BigInt(body.amount) }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/merchants/me/settlements',
      summary: "Settle my till's balance (or part of it) to my bank account, less the settlement fee",
      tag: 'merchants',
      permission: 'settlement:create',
      idempotent: true,
      body: z.strictObject({ amount: amount.optional() }),
      responses: pending,
      handler: async ({ trx, principal, body }) =>
        partnerAnswer(
          partnerCalls,
          await bank.settleMerchant(trx, {
            merchantId: principal.id,
            amount: body.amount === undefined ? undefined : BigInt(body.amount),
          }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/reconciliation/run',
      summary: 'Ask partners now about every transaction still waiting on them (a job does it too)',
      tag: 'admin',
      permission: 'reconciliation:run',
      responses: {
        200: {
          description: 'How many were checked and settled',
          schema: z.object({ checked: z.number().int(), settled: z.number().int() }),
        },
      },
      async handler({ principal }) {
        const checked = await partnerCalls.reconcile(500)
        await audit.record(db, {
          actorId: principal.id,
          action: 'reconciliation.run',
          details: { result: checked as unknown as Record<string, unknown> },
        })
        return { status: 200, body: checked }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/integrations/bank/events',
      summary:
        "The bank's webhook (signed with X-GoPay-Signature): deposits, and outcomes of our payouts and collections",
      tag: 'integrations',
      permission: 'public',
      body: bankEvent,
      responses: {
        200: {
          description: 'Taken (each event id acts once)',
          schema: z.object({
            id: z.string(),
            outcome: z.enum([
              'credited',
              'settled',
              'duplicate',
              'already_settled',
              'conflict',
              'ignored',
              'unknown_reference',
              'rejected_unknown_wallet',
              'rejected_wallet_locked',
            ]),
          }),
        },
        401: { description: 'Bad signature' },
      },
      handler: async ({ req, body }) => {
        if (!bankWebhookSecret) return problem(503, 'unavailable', 'No bank webhook secret is configured.')
        const raw = (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
        const check = verifyWebhook(bankWebhookSecret, raw, req.get(SIGNATURE_HEADER))
        if (!check.ok) return problem(401, 'unauthorized', `Webhook refused: ${check.reason}.`)
        return { status: 200, body: { id: body.id, outcome: await bank.handleEvent(body) } }
      },
    }),
  ]
}
