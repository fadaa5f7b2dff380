import { wrongPinProblem } from '../auth/errors'
import { problem, type Problem } from '../http/problem'

export enum AgentError {
  UnknownCustomer = 'UnknownCustomer',
  CustomerUnavailable = 'CustomerUnavailable',
  UnknownAgent = 'UnknownAgent',
  AgentUnavailable = 'AgentUnavailable',
  FloatTooLow = 'FloatTooLow',
  InsufficientFunds = 'InsufficientFunds',
  NoTariff = 'NoTariff',
  OverTransactionLimit = 'OverTransactionLimit',
  OverDailyLimit = 'OverDailyLimit',
  OverMonthlyLimit = 'OverMonthlyLimit',
  BalanceCap = 'BalanceCap',
  InvalidPin = 'InvalidPin',
  PinLocked = 'PinLocked',
}

/** The SQL limit checks' answers, as errors. */
export const limitErrors: Record<string, AgentError> = {
  over_transaction_limit: AgentError.OverTransactionLimit,
  over_daily_limit: AgentError.OverDailyLimit,
  over_monthly_limit: AgentError.OverMonthlyLimit,
  recipient_balance_limit: AgentError.BalanceCap,
}

export function agentErrorToProblem(e: AgentError, remainingAttempts?: number): Problem {
  switch (e) {
    case AgentError.UnknownCustomer:
      return problem(404, 'not_found', 'No GoPay wallet is registered to that phone number.')
    case AgentError.CustomerUnavailable:
      return problem(423, 'account_locked', "The customer's account is locked.")
    case AgentError.UnknownAgent:
      return problem(404, 'not_found', 'No agent has that code.')
    case AgentError.AgentUnavailable:
      return problem(423, 'account_locked', 'This agent cannot serve customers right now.')
    case AgentError.FloatTooLow:
      return problem(422, 'insufficient_funds', "The agent's float is too low for this amount.")
    case AgentError.InsufficientFunds:
      return problem(
        422,
        'insufficient_funds',
        "The customer's balance is not enough for this amount and its fee.",
      )
    case AgentError.NoTariff:
      return problem(
        422,
        'limit_exceeded',
        'That amount is outside what an agent can handle in one transaction.',
      )
    case AgentError.OverTransactionLimit:
      return problem(422, 'limit_exceeded', "That amount is over the customer's limit for one transaction.")
    case AgentError.OverDailyLimit:
      return problem(422, 'limit_exceeded', 'That amount would take the customer over their daily limit.')
    case AgentError.OverMonthlyLimit:
      return problem(422, 'limit_exceeded', 'That amount would take the customer over their monthly limit.')
    case AgentError.BalanceCap:
      return problem(422, 'limit_exceeded', "The customer's wallet cannot hold that much.")
    case AgentError.InvalidPin:
      return wrongPinProblem(remainingAttempts ?? 0, "customer's ")
    case AgentError.PinLocked:
      return problem(423, 'account_locked', "The customer's PIN is locked after too many wrong tries.")
  }
}
