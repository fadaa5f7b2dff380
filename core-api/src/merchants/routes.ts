import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { amount, uuid } from '../http/schemas'
import type { MerchantService } from './service'

const request = z.object({
  id: z.uuid(),
  qr: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reference: z.string().nullable(),
  status: z.enum(['pending', 'paid', 'expired', 'cancelled']),
  expiresAt: z.string(),
  paidTransactionId: z.uuid().nullable(),
})
const noMerchant = problem(404, 'not_found', 'No such payment request for this till.')

export function merchantRoutes({ merchants }: { merchants: MerchantService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/payment-requests',
      summary:
        'Ask for one payment: an amount, a reference, an expiry, and the EMVCo QR to show the customer',
      tag: 'merchants',
      permission: 'payment_requests:manage',
      body: z.strictObject({
        amount,
        reference: z
          .string()
          .trim()
          .min(1)
          .max(25)
          .regex(/^[\x20-\x7e]+$/, { error: 'reference is plain ASCII' })
          .optional(),
        ttlSeconds: z.number().int().min(30).max(3600).optional(),
      }),
      responses: { 201: { description: 'Requested', schema: request } },
      async handler({ principal, body }) {
        const r = await merchants.requestPayment(principal.id, {
          amount: BigInt(body.amount),
          reference: body.reference,
          ttlSeconds: body.ttlSeconds,
        })
        return r
          ? { status: 201, body: r }
          : problem(403, 'forbidden', 'Only a merchant with a till can request payments.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/payment-requests/:id',
      summary: "A payment request's status: pending, paid, expired or cancelled (poll it to see it paid)",
      tag: 'merchants',
      permission: 'payment_requests:manage',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The request', schema: request } },
      async handler({ principal, params }) {
        const r = await merchants.paymentRequest(principal.id, params.id)
        return r ? { status: 200, body: r } : noMerchant
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/merchants/me/qr',
      summary: "My till's static QR (the customer types the amount)",
      tag: 'merchants',
      permission: 'payment_requests:manage',
      responses: { 200: { description: 'The QR payload', schema: z.object({ qr: z.string() }) } },
      async handler({ principal }) {
        const qr = await merchants.staticQr(principal.id)
        return qr ? { status: 200, body: { qr } } : noMerchant
      },
    }),
  ]
}
