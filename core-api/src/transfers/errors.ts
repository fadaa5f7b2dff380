import { problem, type Problem } from '../http/problem'

export enum TransferError {
  PayerLocked = 'PayerLocked',
  UnknownRecipient = 'UnknownRecipient',
  RecipientUnavailable = 'RecipientUnavailable',
  SelfTransfer = 'SelfTransfer',
  NoTariff = 'NoTariff',
  OverTransactionLimit = 'OverTransactionLimit',
  OverDailyLimit = 'OverDailyLimit',
  OverMonthlyLimit = 'OverMonthlyLimit',
  RecipientBalanceLimit = 'RecipientBalanceLimit',
  InsufficientFunds = 'InsufficientFunds',
}

export const transferErrorToProblem: Record<TransferError, Problem> = {
  [TransferError.PayerLocked]: problem(
    423,
    'account_locked',
    'Your account is locked; nothing can be sent until GoPay unlocks it.',
  ),
  [TransferError.UnknownRecipient]: problem(
    404,
    'not_found',
    'No GoPay wallet or till has that number or code.',
  ),
  [TransferError.RecipientUnavailable]: problem(
    422,
    'forbidden',
    'That wallet cannot receive money right now.',
  ),
  [TransferError.SelfTransfer]: problem(
    400,
    'validation_failed',
    'You cannot send money to your own number.',
  ),
  [TransferError.NoTariff]: problem(
    422,
    'limit_exceeded',
    'That amount is outside what GoPay can send in one transfer.',
  ),
  [TransferError.OverTransactionLimit]: problem(
    422,
    'limit_exceeded',
    'That amount is over your limit for one transaction.',
  ),
  [TransferError.OverDailyLimit]: problem(
    422,
    'limit_exceeded',
    'That amount would take you over your daily limit.',
  ),
  [TransferError.OverMonthlyLimit]: problem(
    422,
    'limit_exceeded',
    'That amount would take you over your monthly limit.',
  ),
  [TransferError.RecipientBalanceLimit]: problem(
    422,
    'limit_exceeded',
    "The recipient's wallet cannot hold that much.",
  ),
  [TransferError.InsufficientFunds]: problem(
    422,
    'insufficient_funds',
    'Your balance is not enough for this amount and its fee.',
  ),
}
