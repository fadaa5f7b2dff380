export enum LedgerError {
  InsufficientFunds = 'InsufficientFunds',
  AlreadyReversed = 'AlreadyReversed',
  HoldNotPending = 'HoldNotPending',
  HoldExceeded = 'HoldExceeded',
  UnknownEntry = 'UnknownEntry',
}

export const isLedgerError = (o: unknown): o is LedgerError =>
  Object.values(LedgerError).includes(o as LedgerError)

/** What the ledger's SQL functions answer for an expected failure (nothing was written). */
export const fromSqlOutcome: Record<string, LedgerError> = {
  insufficient_funds: LedgerError.InsufficientFunds,
  already_reversed: LedgerError.AlreadyReversed,
  hold_not_pending: LedgerError.HoldNotPending,
  hold_exceeded: LedgerError.HoldExceeded,
}
