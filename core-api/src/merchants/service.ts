import { randomUUID } from 'node:crypto'
import type { Db } from '@gopay/db'
import { buildMerchantQr } from './emvco'

export type RequestStatus = 'pending' | 'paid' | 'expired' | 'cancelled'

export interface PaymentRequestView {
  id: string
  qr: string
  amount: bigint
  currency: string
  reference: string | null
  status: RequestStatus
  expiresAt: string
  paidTransactionId: string | null
}

export interface MerchantService {
  /** A dynamic request for one payment, shown to the customer as an EMVCo QR. */
  requestPayment(
    merchantId: string,
    r: { amount: bigint; reference?: string; ttlSeconds?: number },
  ): Promise<PaymentRequestView | null>
  /** A request's state; a pending one past its expiry reads (and is recorded) as expired. */
  paymentRequest(merchantId: string, id: string): Promise<PaymentRequestView | null>
  /** The till's static QR: the customer types the amount. */
  staticQr(merchantId: string): Promise<string | null>
  /** Cancels a pending request; a paid, expired or cancelled one stays as it is (and is answered). */
  cancel(merchantId: string, id: string): Promise<{ cancelled: boolean; request: PaymentRequestView } | null>
}

export function createMerchantService({ db, currency }: { db: Db; currency: string }): MerchantService {
  const merchant = (id: string) =>
    db('merchants').where({ party_id: id }).first('code', 'business_name', 'city', 'category_code')
  const qrFor = (
    m: { code: string; business_name: string; city: string; category_code: string },
    r?: { id: string; amount: bigint; reference: string | null },
  ) =>
    buildMerchantQr({
      merchantCode: m.code,
      merchantName: m.business_name,
      city: m.city,
      categoryCode: m.category_code,
      currency,
      ...(r ? { amount: r.amount, requestId: r.id, reference: r.reference ?? undefined } : {}),
    })

  type Merchant = NonNullable<Awaited<ReturnType<typeof merchant>>>

  async function view(id: string, merchantId: string, m: Merchant): Promise<PaymentRequestView | null> {
    await db('payment_requests')
      .where({ id, merchant_party_id: merchantId, status: 'pending' })
      .where('expires_at', '<=', db.fn.now())
      .update({ status: 'expired' })
    const r = await db('payment_requests').where({ id, merchant_party_id: merchantId }).first()
    if (!r) return null
    return {
      id: r.id,
      qr: qrFor(m, r),
      amount: r.amount,
      currency: r.currency,
      reference: r.reference,
      status: r.status,
      expiresAt: r.expires_at.toISOString(),
      paidTransactionId: r.paid_transaction_id,
    }
  }

  return {
    async requestPayment(merchantId, { amount, reference, ttlSeconds = 300 }) {
      const m = await merchant(merchantId)
      if (!m) return null
      const id = randomUUID()
      await db('payment_requests').insert({
        id,
        merchant_party_id: merchantId,
        amount,
        currency,
        reference: reference ?? null,
        expires_at: new Date(Date.now() + ttlSeconds * 1000),
      })
      return view(id, merchantId, m)
    },
    async paymentRequest(merchantId, id) {
      const m = await merchant(merchantId)
      return m ? view(id, merchantId, m) : null
    },
    async cancel(merchantId, id) {
      const m = await merchant(merchantId)
      if (!m) return null
      // One statement decides a race with a payment: the payment holds the row until it commits.
      const done = await db('payment_requests')
        .where({ id, merchant_party_id: merchantId, status: 'pending' })
        .where('expires_at', '>', db.fn.now())
        .update({ status: 'cancelled' })
        .returning('id')
      const request = await view(id, merchantId, m)
      return request && { cancelled: done.length > 0, request }
    },
    async staticQr(merchantId) {
      const m = await merchant(merchantId)
      return m ? qrFor(m) : null
    },
  }
}
