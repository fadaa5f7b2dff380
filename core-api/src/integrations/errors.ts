import { wrongPinProblem } from '../auth/errors'
import { problem, type Problem } from '../http/problem'

/** Expected refusals of the flows that go through a partner (bank, billers, airtime). */
export enum PartnerFlowError {
  AccountLocked = 'AccountLocked',
  NoTariff = 'NoTariff',
  OverTransactionLimit = 'OverTransactionLimit',
  OverDailyLimit = 'OverDailyLimit',
  OverMonthlyLimit = 'OverMonthlyLimit',
  BalanceCap = 'BalanceCap',
  InsufficientFunds = 'InsufficientFunds',
  NoBankAccount = 'NoBankAccount',
  NothingToSettle = 'NothingToSettle',
  UnknownBiller = 'UnknownBiller',
  BadAccountNumber = 'BadAccountNumber',
  UnknownBillAccount = 'UnknownBillAccount',
  PartnerUnavailable = 'PartnerUnavailable',
  InvalidPin = 'InvalidPin',
  PinLocked = 'PinLocked',
}

export const limitOutcomes: Record<string, PartnerFlowError> = {
  over_transaction_limit: PartnerFlowError.OverTransactionLimit,
  over_daily_limit: PartnerFlowError.OverDailyLimit,
  over_monthly_limit: PartnerFlowError.OverMonthlyLimit,
  recipient_balance_limit: PartnerFlowError.BalanceCap,
}

export type PartnerFlowFailure = { error: PartnerFlowError; remainingAttempts?: number }

export function partnerFlowProblem(e: PartnerFlowError, remainingAttempts?: number): Problem {
  switch (e) {
    case PartnerFlowError.AccountLocked:
      return problem(423, 'account_locked', 'This account is locked; nothing moves until GoPay unlocks it.')
    case PartnerFlowError.NoTariff:
      return problem(422, 'limit_exceeded', 'That amount is outside what GoPay handles in one transaction.')
    case PartnerFlowError.OverTransactionLimit:
      return problem(422, 'limit_exceeded', 'That amount is over your limit for one transaction.')
    case PartnerFlowError.OverDailyLimit:
      return problem(422, 'limit_exceeded', 'That amount would take you over your daily limit.')
    case PartnerFlowError.OverMonthlyLimit:
      return problem(422, 'limit_exceeded', 'That amount would take you over your monthly limit.')
    case PartnerFlowError.BalanceCap:
      return problem(422, 'limit_exceeded', 'That wallet cannot hold that much.')
    case PartnerFlowError.InsufficientFunds:
      return problem(422, 'insufficient_funds', 'The balance is not enough for this amount and its fee.')
    case PartnerFlowError.NoBankAccount:
      return problem(
        422,
        'validation_failed',
        'No bank account is registered for this; ask GoPay to add one.',
      )
    case PartnerFlowError.NothingToSettle:
      return problem(422, 'insufficient_funds', 'There is nothing to settle.')
    case PartnerFlowError.UnknownBiller:
      return problem(404, 'not_found', 'No biller has that code.')
    case PartnerFlowError.BadAccountNumber:
      return problem(400, 'validation_failed', "That account number does not have the biller's format.")
    case PartnerFlowError.UnknownBillAccount:
      return problem(404, 'not_found', 'The biller does not know that account number.')
    case PartnerFlowError.PartnerUnavailable:
      return problem(
        503,
        'unavailable',
        'The partner is not answering right now; try again in a few minutes.',
      )
    case PartnerFlowError.InvalidPin:
      return wrongPinProblem(remainingAttempts ?? 0)
    case PartnerFlowError.PinLocked:
      return problem(423, 'account_locked', 'The PIN is locked after too many wrong tries.')
  }
}
