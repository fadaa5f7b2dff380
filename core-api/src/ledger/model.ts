export const accountTypes = [
  'user_wallet',
  'agent_float',
  'merchant',
  'biller_settlement',
  'bank_settlement',
  'fee_revenue',
  'commission_expense',
  'commission_payable',
  'airtime_provider',
  'suspense',
] as const
export type AccountType = (typeof accountTypes)[number]

/** Money GoPay owes a party: the database refuses to take such an account below zero. */
export const noOverdraft: Record<AccountType, boolean> = {
  user_wallet: true,
  agent_float: true,
  merchant: true,
  biller_settlement: true,
  commission_payable: true,
  bank_settlement: false,
  fee_revenue: false,
  commission_expense: false,
  airtime_provider: false,
  suspense: false,
}

/**
 * Balance shards per account type. Accounts that many payers credit at once (a till, fee revenue,
 * settlement accounts) are split so concurrent credits land on different rows.
 */
export const defaultShards: Record<AccountType, number> = {
  user_wallet: 1,
  agent_float: 1,
  merchant: 32,
  biller_settlement: 8,
  commission_payable: 1,
  bank_settlement: 16,
  fee_revenue: 16,
  commission_expense: 8,
  airtime_provider: 8,
  suspense: 1,
}

export interface Posting {
  accountId: bigint
  /** Minor units; a credit is positive, a debit negative. */
  amount: bigint
}

export interface Balance {
  /** Posted balance: what the account holds, reservations included. */
  balance: bigint
  /** What can be spent now: the balance less pending holds. */
  available: bigint
  held: bigint
}

export interface TrialBalanceLine {
  currency: string
  debits: bigint
  credits: bigint
  balanced: boolean
  /** Every account's stored balance equals the sum of its postings. */
  balancesMatchPostings: boolean
}
