import { z } from 'zod'
import { defineRoute } from '../http/route'
import { amount, phone, pin, transaction } from '../http/schemas'
import { agentErrorToProblem } from './errors'
import type { AgentFailure, AgentService } from './service'

const answer = <T>(r: T | AgentFailure) =>
  r && typeof r === 'object' && 'error' in r
    ? agentErrorToProblem(r.error, r.remainingAttempts)
    : { status: 201, body: r }

export function agentRoutes({ agents }: { agents: AgentService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/cash-ins',
      summary: "Cash in: the agent's float pays the customer's wallet",
      tag: 'agents',
      permission: 'cash_in:create',
      idempotent: true,
      body: z.strictObject({ customerPhone: phone, amount }),
      responses: { 201: { description: 'Done', schema: transaction } },
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
      responses: { 201: { description: 'Done', schema: transaction } },
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
      responses: { 201: { description: 'Done', schema: transaction } },
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
