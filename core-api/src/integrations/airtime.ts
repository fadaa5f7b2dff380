import { partnerHttp, toOutcome, type PartnerOutcome } from './outcome'

export interface AirtimeGateway {
  name: string
  send(p: { reference: string; phone: string; amount: bigint; currency: string }): Promise<PartnerOutcome>
  status(reference: string): Promise<PartnerOutcome>
}

/** The simulator's airtime API (used when no Africa's Talking credentials are set). */
export function httpAirtimeGateway(cfg: {
  baseUrl: string
  apiKey?: string
  timeoutMs: number
}): AirtimeGateway {
  const http = partnerHttp(cfg)
  return {
    name: 'simulator',
    send: async (p) =>
      toOutcome(
        await http.call('POST', '/airtime', {
          reference: p.reference,
          phoneNumber: p.phone,
          amount: Number(p.amount),
          currency: p.currency,
        }),
      ),
    status: async (reference) =>
      toOutcome(await http.call('GET', `/airtime/${encodeURIComponent(reference)}`)),
  }
}

/** Minor units → the SDK's amount, a number it prints after the currency code ("KES 150.5"). */
export const atAmount = (amount: bigint) => Number(amount / 100n) + Number(amount % 100n) / 100

/**
 * Africa's Talking Airtime through the `africastalking` package. Our reference is its idempotency key,
 * so a retry is not a second top-up. AT has no status query by our reference in the SDK: a request
 * whose answer was lost stays pending until AT's own status callback or staff settle it.
 */
export function africasTalkingAirtime(cfg: {
  apiKey: string
  username: string
  timeoutMs: number
}): AirtimeGateway {
  // The SDK is loaded on first use: a process that never sends airtime never loads it.
  let client: Promise<import('africastalking').AirtimeClient> | undefined
  const airtime = () =>
    (client ??= import('africastalking').then(
      ({ default: africastalking }) => africastalking({ apiKey: cfg.apiKey, username: cfg.username }).AIRTIME,
    ))
  return {
    name: 'africastalking',
    async send(p) {
      try {
        const res = await Promise.race([
          (await airtime()).send({
            recipients: [{ phoneNumber: p.phone, currencyCode: p.currency, amount: atAmount(p.amount) }],
            idempotencyKey: p.reference,
          }),
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`no answer within ${cfg.timeoutMs} ms`)),
              cfg.timeoutMs,
            ).unref(),
          ),
        ])
        const r = res?.responses?.[0]
        const status = String(r?.status ?? '')
        if (/^(Sent|Success)$/i.test(status))
          return { status: 'completed', partnerReference: String(r?.requestId ?? ''), details: {} }
        if (/^(Queued|Pending)/i.test(status)) return { status: 'pending', partnerReference: r?.requestId }
        return {
          status: 'failed',
          reason: String(r?.errorMessage || res?.errorMessage || status || 'refused'),
        }
      } catch (err) {
        return { status: 'unreachable', detail: String((err as Error).message) }
      }
    },
    async status() {
      return { status: 'pending' }
    },
  }
}
