import { z } from 'zod'
import { defineRoute } from '../http/route'
import { amount, instant, phone, pin, transaction } from '../http/schemas'
import { agentErrorToProblem } from './errors'
import type { Db } from '@gopay/db'
import type { CommissionPayouts } from './commissions'
import type { AgentFailure, AgentService } from './service'
import { floatStatement } from './statement'
import type { AuditService } from '../audit/service'

// The agent flows answer the transaction with its short reference (the one printed and texted).
const counterTransaction = transaction.extend({ reference: z.string() })
/** Cash paid out by an agent: the customer is told where (the agent's name and code). */
const paidOut = counterTransaction.extend({ agentName: z.string(), agentCode: z.string() })

const answer = <T>(r: T | AgentFailure) =>
  r && typeof r === 'object' && 'error' in r
    ? agentErrorToProblem(r.error, r.remainingAttempts)
    : { status: 201, body: r }

export function agentRoutes({
  agents,
  commissions,
  db,
  currency,
  audit,
}: {
  agents: AgentService
  commissions: CommissionPayouts
  db: Db
  currency: string
  audit: AuditService
}) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/agents/me/float-statement',
      summary: 'My float, line by line, newest first, with the balance after each line',
      tag: 'agents',
      permission: 'float:read',
      query: z.strictObject({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z
          .string()
          .regex(/^\d{1,19}$/)
          .optional(),
      }),
      responses: {
        200: {
          description: 'A page of the statement',
          schema: z.object({
            items: z.array(
              z.object({
                postingId: z.string(),
                // Null on a posting made outside any transaction (none today; the ledger allows it).
                transactionId: z.uuid().nullable(),
                type: z.string().nullable(),
                amount: z.number().int(),
                balanceAfter: z.number().int(),
                at: instant,
              }),
            ),
            // The postingId to pass as `before` for the next page.
            nextBefore: z.string().nullable(),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await floatStatement(db, principal.id, currency, query),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/commissions/payout',
      summary: "Pay every agent's accrued commission into its float now (a job also does it daily)",
      tag: 'admin',
      permission: 'commissions:pay',
      responses: {
        200: {
          description: 'Paid',
          schema: z.object({ agents: z.number().int(), total: z.number().int() }),
        },
      },
      async handler({ principal }) {
        const paid = await commissions.payOut()
        await audit.record(db, {
          actorId: principal.id,
          action: 'commissions.payout',
          details: { result: paid as unknown as Record<string, unknown> },
        })
        return { status: 200, body: paid }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/cash-ins',
      summary: "Cash in: the agent's float pays the customer's wallet",
      tag: 'agents',
      permission: 'cash_in:create',
      idempotent: true,
      body: z.strictObject({ customerPhone: phone, amount }),
      responses: { 201: { description: 'Done', schema: counterTransaction } },
      handler: async ({ trx, principal, body }) =>
        answer(
          await agents.cashIn(trx, {
            agentId: principal.id,
            customerPhone: body.customerPhone,
            amount: BigInt(body.amount),
          }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/cash-outs',
      summary: 'Cash out at the counter, authorised by the customer with their PIN',
      tag: 'agents',
      permission: 'cash_out:create',
      idempotent: true,
      body: z.strictObject({ customerPhone: phone, amount, customerPin: pin }),
      responses: { 201: { description: 'Done', schema: paidOut } },
      handler: async ({ trx, principal, body }) =>
        answer(
          await agents.cashOut(trx, {
            agentId: principal.id,
            customerPhone: body.customerPhone,
            amount: BigInt(body.amount),
            customerPin: body.customerPin,
          }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/withdrawals',
      summary: 'Withdraw cash at an agent, started by the customer (the agent is told at once)',
      tag: 'agents',
      permission: 'withdrawal:create',
      idempotent: true,
      body: z.strictObject({
        agentCode: z
          .string()
          .regex(/^[A-Z0-9]{3,12}$/, { error: 'agentCode is 3 to 12 capital letters or digits' }),
        amount,
      }),
      responses: { 201: { description: 'Done', schema: paidOut } },
      handler: async ({ trx, principal, body }) =>
        answer(
          await agents.withdraw(trx, {
            customerId: principal.id,
            agentCode: body.agentCode,
            amount: BigInt(body.amount),
          }),
        ),
    }),
  ]
}
