import { partnerHttp, toOutcome, type PartnerOutcome } from './outcome'

/** One order to the bank, under our reference. */
export interface BankOrder {
  reference: string
  accountNumber: string
  amount: bigint
  currency: string
  narrative: string
}

/** The bank GoPay holds its settlement account at: payouts out of GoPay, collections into it. */
export interface BankGateway {
  /** Pays an amount from GoPay's settlement account to a bank account. */
  payOut(p: BankOrder): Promise<PartnerOutcome>
  /** Pulls an amount from a bank account (an agent's own) into GoPay's settlement account. */
  collect(p: BankOrder): Promise<PartnerOutcome>
  /** What the bank says now about a payout or collection of ours. */
  status(kind: 'payout' | 'collection', reference: string): Promise<PartnerOutcome>
}

/** The bank's HTTP API (the simulator serves the same). */
export function httpBankGateway(cfg: { baseUrl: string; apiKey?: string; timeoutMs: number }): BankGateway {
  const http = partnerHttp(cfg)
  const send = (path: string, p: BankOrder) =>
    http.call('POST', path, { ...p, amount: Number(p.amount) }).then((r) => toOutcome(r))
  return {
    payOut: (p) => send('/bank/payouts', p),
    collect: (p) => send('/bank/collections', p),
    status: async (kind, reference) =>
      toOutcome(await http.call('GET', `/bank/${kind}s/${encodeURIComponent(reference)}`)),
  }
}
