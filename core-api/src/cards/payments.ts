import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import { AuthError } from '../auth/errors'
import type { AuthService } from '../auth/service'
import { isLedgerError, LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import type { Receipt, ReceiptService } from '../receipts/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney } from '@gopay/vocabulary'
import { isCardError, type CardIdentity, type CardService } from './service'

export enum CardPaymentError {
  NotAMerchant = 'NotAMerchant',
  UnknownCard = 'UnknownCard',
  CardBlocked = 'CardBlocked',
  HolderUnavailable = 'HolderUnavailable',
  InvalidPin = 'InvalidPin',
  PinLocked = 'PinLocked',
  NoTariff = 'NoTariff',
  OverTransactionLimit = 'OverTransactionLimit',
  OverDailyLimit = 'OverDailyLimit',
  OverMonthlyLimit = 'OverMonthlyLimit',
  InsufficientFunds = 'InsufficientFunds',
  UnknownRequest = 'UnknownRequest',
  RequestNotPending = 'RequestNotPending',
  RequestAmountMismatch = 'RequestAmountMismatch',
  SelfPayment = 'SelfPayment',
}

export type CardPaymentFailure = { error: CardPaymentError; remainingAttempts?: number }

export interface CardPaymentService {
  /**
   * A GoPay card tapped or swiped on a merchant's terminal pays the till from the holder's wallet,
   * authorised by the holder's PIN typed on the terminal. Runs in the request's transaction (with its
   * idempotency claim); every expected failure comes back before the first money write.
   */
  pay(
    trx: Executor,
    p: { merchantId: string; card: CardIdentity; pin: string; amount: bigint; paymentRequestId?: string },
  ): Promise<Receipt | CardPaymentFailure>
}

const limitOutcomes: Record<string, CardPaymentError> = {
  over_transaction_limit: CardPaymentError.OverTransactionLimit,
  over_daily_limit: CardPaymentError.OverDailyLimit,
  over_monthly_limit: CardPaymentError.OverMonthlyLimit,
}

export function createCardPaymentService({
  cards,
  ledger,
  tariffs,
  auth,
  notifier,
  receipts,
  currency,
  timezone,
}: {
  cards: CardService
  ledger: LedgerService
  tariffs: TariffService
  auth: AuthService
  notifier: Notifier
  receipts: ReceiptService
  currency: string
  timezone: string
}): CardPaymentService {
  const fail = (error: CardPaymentError, remainingAttempts?: number): CardPaymentFailure => ({
    error,
    remainingAttempts,
  })
  const money = (m: bigint) => formatMoney(m, currency)

  return {
    async pay(trx, { merchantId, card, pin, amount, paymentRequestId }) {
      const { rows: merchants } = await trx.raw(
        `SELECT m.code, p.status, a.id AS account FROM merchants m JOIN parties p ON p.id = m.party_id
         JOIN ledger_accounts a ON a.party_id = m.party_id AND a.type = 'merchant' AND a.currency = ?
         WHERE m.party_id = ?`,
        [currency, merchantId],
      )
      const merchant = merchants[0]
      if (!merchant || merchant.status !== 'active') return fail(CardPaymentError.NotAMerchant)

      // Lock order as for every merchant payment: the payment request, then the payer's party row,
      // then (inside the ledger) balance rows.
      if (paymentRequestId) {
        const r = await trx('payment_requests')
          .where({ id: paymentRequestId, merchant_party_id: merchantId })
          .forUpdate()
          .first('status', 'expires_at', 'amount')
        if (!r) return fail(CardPaymentError.UnknownRequest)
        if (r.status !== 'pending' || (r.expires_at as Date) <= new Date())
          return fail(CardPaymentError.RequestNotPending)
        if ((r.amount as bigint) !== amount) return fail(CardPaymentError.RequestAmountMismatch)
      }

      const found = await cards.resolve(trx, card)
      if (isCardError(found))
        return fail(found === 'Blocked' ? CardPaymentError.CardBlocked : CardPaymentError.UnknownCard)
      if (found.partyId === merchantId) return fail(CardPaymentError.SelfPayment)
      const { rows: payers } = await trx.raw(
        `SELECT p.id, p.status, p.kyc_tier, p.display_name, a.id AS account
         FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = ?
         WHERE p.id = ? FOR NO KEY UPDATE OF p`,
        [currency, found.partyId],
      )
      const payer = payers[0]
      if (!payer || payer.status !== 'active') return fail(CardPaymentError.HolderUnavailable)

      // Counted like every PIN: the count is written with this transaction (and its stored answer).
      const check = await auth.verifyPin(payer.id, pin, trx)
      if (!check.ok)
        return check.error === AuthError.InvalidPin
          ? fail(CardPaymentError.InvalidPin, check.remainingAttempts)
          : fail(CardPaymentError.PinLocked)

      const quote = await tariffs.quote('merchant_payment', currency, amount, trx)
      if (!quote) return fail(CardPaymentError.NoTariff)
      const { rows: limit } = await trx.raw(
        'SELECT spending_check(?::uuid, ?::smallint, ?::bigint, ?, ?) AS outcome',
        [payer.id, payer.kyc_tier, amount.toString(), currency, timezone],
      )
      if (limit[0].outcome !== 'ok')
        return fail(limitOutcomes[limit[0].outcome as string] ?? CardPaymentError.OverTransactionLimit)

      const id = randomUUID()
      const postings = [
        { accountId: payer.account as bigint, amount: -(amount + quote.fee) },
        { accountId: merchant.account as bigint, amount },
      ]
      if (quote.fee > 0n)
        postings.push({
          accountId: await ledger.systemAccount('fee_revenue', currency, trx),
          amount: quote.fee,
        })
      const posted = await ledger.post(trx, {
        transactionId: id,
        currency,
        postings,
        description: 'merchant_payment',
      })
      if (isLedgerError(posted)) {
        if (posted === LedgerError.InsufficientFunds) return fail(CardPaymentError.InsufficientFunds)
        throw new Error(`unexpected ledger outcome ${posted}`)
      }
      await trx('transactions').insert({
        id,
        type: 'merchant_payment',
        status: 'completed',
        currency,
        amount,
        fee: quote.fee,
        payer_party_id: payer.id,
        payer_account_id: payer.account,
        payee_party_id: merchantId,
        payee_account_id: merchant.account,
        metadata: JSON.stringify({ method: 'card', cardId: found.card.id, last4: found.card.last4 }),
      })
      if (paymentRequestId)
        await trx('payment_requests')
          .where({ id: paymentRequestId })
          .update({ status: 'paid', paid_transaction_id: id, paid_at: trx.fn.now() })
      const ref = id.slice(0, 8).toUpperCase()
      await notifier.notify(
        trx,
        {
          partyId: payer.id,
          kind: 'merchant_paid',
          params: { ref, amount: money(amount), fee: money(quote.fee), code: merchant.code },
        },
        { partyId: merchantId, kind: 'merchant_received', params: { ref, amount: money(amount) } },
      )
      return (await receipts.receipt(merchantId, id, trx))!
    },
  }
}
