// Transaction kinds, one spelling: the core's `transactions.type`. Screens translate these names;
// they never invent their own.
export const transactionKinds = [
  'p2p',
  'cash_in',
  'cash_out',
  'withdrawal',
  'merchant_payment',
  'refund',
  'bill_payment',
  'airtime',
  'bank_deposit',
  'bank_payout',
  'float_top_up',
  'float_withdrawal',
  'merchant_settlement',
  'commission_payout',
] as const
export type TransactionKind = (typeof transactionKinds)[number]

export const isTransactionKind = (s: string): s is TransactionKind =>
  (transactionKinds as readonly string[]).includes(s)

export const transactionStatuses = ['pending', 'completed', 'failed', 'reversed'] as const
export type TransactionStatus = (typeof transactionStatuses)[number]
