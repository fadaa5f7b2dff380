import { partnerHttp, toOutcome, type PartnerOutcome } from './outcome'

export type AccountCheck =
  | { ok: true; customerName: string }
  | { ok: false; reason: 'unknown_account' | 'unreachable'; detail: string }

/** The billers' aggregator: checks an account before the customer confirms, then takes payment. */
export interface BillerGateway {
  validate(billerCode: string, accountNumber: string): Promise<AccountCheck>
  pay(p: {
    reference: string
    billerCode: string
    accountNumber: string
    amount: bigint
    currency: string
  }): Promise<PartnerOutcome>
  status(reference: string): Promise<PartnerOutcome>
}

const receipt = (b: Record<string, unknown>) => {
  const d: Record<string, string> = { receipt: String(b.receipt ?? b.partnerReference ?? '') }
  if (b.token) d.token = String(b.token)
  return d
}

export function httpBillerGateway(cfg: {
  baseUrl: string
  apiKey?: string
  timeoutMs: number
}): BillerGateway {
  const http = partnerHttp(cfg)
  return {
    async validate(billerCode, accountNumber) {
      const r = await http.call(
        'GET',
        `/billers/${encodeURIComponent(billerCode)}/accounts/${encodeURIComponent(accountNumber)}`,
      )
      if (!r.ok) return { ok: false, reason: 'unreachable', detail: r.detail }
      if (r.status === 404 || !r.body.customerName)
        return { ok: false, reason: 'unknown_account', detail: String(r.body.reason ?? 'no such account') }
      return { ok: true, customerName: String(r.body.customerName) }
    },
    async pay(p) {
      const r = await http.call('POST', `/billers/${encodeURIComponent(p.billerCode)}/payments`, {
        reference: p.reference,
        accountNumber: p.accountNumber,
        amount: Number(p.amount),
        currency: p.currency,
      })
      return toOutcome(r, receipt)
    },
    status: async (reference) =>
      toOutcome(await http.call('GET', `/billers/payments/${encodeURIComponent(reference)}`), receipt),
  }
}
