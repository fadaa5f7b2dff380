import { z } from 'zod'
import { defineRoute } from '../http/route'
import { amount, pendingTransaction, phone, transaction } from '../http/schemas'
import { partnerAnswer } from '../integrations/answer'
import type { PartnerCalls } from '../integrations/partner-calls'
import type { AirtimeService } from './service'

export function airtimeRoutes({
  airtime,
  partnerCalls,
}: {
  airtime: AirtimeService
  partnerCalls: PartnerCalls
}) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/airtime',
      summary: 'Buy airtime for my number or another',
      tag: 'airtime',
      permission: 'airtime:buy',
      idempotent: true,
      body: z.strictObject({ phone: phone.optional(), amount }),
      responses: {
        201: { description: 'Sent', schema: transaction },
        202: { description: 'Pending at the provider', schema: pendingTransaction },
      },
      handler: async ({ trx, principal, body }) =>
        partnerAnswer(
          partnerCalls,
          await airtime.buyAirtime(trx, {
            userId: principal.id,
            phone: body.phone,
            amount: BigInt(body.amount),
          }),
        ),
    }),
  ]
}
