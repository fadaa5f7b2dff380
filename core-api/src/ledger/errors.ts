import { problem, type Problem } from '../http/problem'

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

export const ledgerErrorToProblem: Record<LedgerError, Problem> = {
  [LedgerError.InsufficientFunds]: problem(
    422,
    'insufficient_funds',
    'The balance is not enough for this amount and its fee.',
  ),
  [LedgerError.AlreadyReversed]: problem(409, 'duplicate', 'This transaction was already reversed.'),
  [LedgerError.HoldNotPending]: problem(409, 'duplicate', 'This reservation was already settled.'),
  [LedgerError.HoldExceeded]: problem(422, 'validation_failed', 'The amount is more than was reserved.'),
  [LedgerError.UnknownEntry]: problem(404, 'not_found', 'No such journal entry.'),
}
