import { z } from 'zod'
import { defineRoute } from '../http/route'
import { amount, pendingTransaction, transaction } from '../http/schemas'
import { partnerAnswer } from '../integrations/answer'
import { partnerFlowProblem } from '../integrations/errors'
import type { PartnerCalls } from '../integrations/partner-calls'
import type { BillService } from './service'

const billerCode = z
  .string()
  .regex(/^[A-Z0-9]{2,12}$/, { error: 'billerCode is 2 to 12 capital letters or digits' })
const accountNumber = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,30}$/, { error: 'accountNumber is up to 30 letters or digits' })

export function billRoutes({ bills, partnerCalls }: { bills: BillService; partnerCalls: PartnerCalls }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/billers',
      summary: 'The billers one can pay, with their account-number rule and fee',
      tag: 'bills',
      permission: 'billers:read',
      responses: {
        200: {
          description: 'Billers',
          schema: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                accountPattern: z.string(),
                fee: z.number().int(),
              }),
            ),
          }),
        },
      },
      handler: async () => ({ status: 200, body: { items: await bills.billers() } }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/billers/:billerCode/accounts/:accountNumber',
      summary: "The biller's check of an account number, with the customer's name to confirm",
      tag: 'bills',
      permission: 'billers:read',
      params: z.strictObject({ billerCode, accountNumber }),
      responses: {
        200: {
          description: 'The account holder',
          schema: z.object({
            billerCode: z.string(),
            billerName: z.string(),
            accountNumber: z.string(),
            customerName: z.string(),
            fee: z.number().int(),
          }),
        },
      },
      handler: async ({ params }) => {
        const r = await bills.checkAccount(params.billerCode, params.accountNumber)
        if ('error' in r) return partnerFlowProblem(r.error)
        return {
          status: 200,
          body: {
            billerCode: r.biller.code,
            billerName: r.biller.name,
            accountNumber: params.accountNumber,
            customerName: r.customerName,
            fee: r.biller.fee,
          },
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/bill-payments',
      summary: 'Pay a bill: held, then posted on the biller’s receipt (a prepaid token arrives by SMS)',
      tag: 'bills',
      permission: 'bills:pay',
      idempotent: true,
      body: z.strictObject({ billerCode, accountNumber, amount }),
      responses: {
        201: { description: 'Paid', schema: transaction },
        202: { description: 'Pending at the biller', schema: pendingTransaction },
      },
      handler: async ({ trx, principal, body }) =>
        partnerAnswer(
          partnerCalls,
          await bills.payBill(trx, {
            userId: principal.id,
            billerCode: body.billerCode,
            accountNumber: body.accountNumber,
            amount: BigInt(body.amount),
          }),
        ),
    }),
  ]
}
