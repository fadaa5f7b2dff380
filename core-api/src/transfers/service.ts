import { randomUUID } from 'node:crypto'
import type { Db } from '@gopay/db'
import type { LedgerService } from '../ledger/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney } from '@gopay/vocabulary'
import { render } from '../notifications/templates'
import { TransferError } from './errors'

export interface Transaction {
  id: string
  type: string
  status: string
  amount: bigint
  fee: bigint
  currency: string
  createdAt: string
}

/** What a payment answers: a stored HTTP answer, the same for every retry under its key. */
export interface PaymentAnswer {
  status: number
  body: unknown
  replayed: boolean
}

export interface PaymentRequest {
  principal: { id: string; sessionId: string }
  idempotency: { key: string; fingerprint: string }
  /** The answers for a refused payment, by outcome: stored under the key like a success. */
  answers: Record<string, { status: number; body: unknown }>
}

export interface TransferService {
  /** Wallet to wallet, by the recipient's phone. */
  sendMoney(req: PaymentRequest & { toPhone: string; amount: bigint; note?: string }): Promise<PaymentAnswer>
  /** Wallet to a merchant's till, by till code. */
  payMerchant(
    req: PaymentRequest & { merchantCode: string; amount: bigint; reference?: string; requestId?: string },
  ): Promise<PaymentAnswer>
}

interface Deps {
  db: Db
  ledger: LedgerService
  tariffs: TariffService
  currency: string
  timezone: string
}

/** The outcomes `wallet_payment` can refuse with, as the service's typed errors. */
export const paymentOutcomes: Record<string, TransferError> = {
  payer_locked: TransferError.PayerLocked,
  unknown_recipient: TransferError.UnknownRecipient,
  self_transfer: TransferError.SelfTransfer,
  recipient_unavailable: TransferError.RecipientUnavailable,
  over_transaction_limit: TransferError.OverTransactionLimit,
  over_daily_limit: TransferError.OverDailyLimit,
  over_monthly_limit: TransferError.OverMonthlyLimit,
  recipient_balance_limit: TransferError.RecipientBalanceLimit,
  insufficient_funds: TransferError.InsufficientFunds,
}

type Message = { to: 'payer' | 'payee' } & ReturnType<typeof render>

export function createTransferService({ db, ledger, tariffs, currency, timezone }: Deps): TransferService {
  const money = (m: bigint) => formatMoney(m, currency)
  /**
   * Money out of a user's wallet to another party's account, priced by `type`'s tariff, within the
   * payer's tier limits (and the payee's balance cap when the payee is a wallet). One statement:
   * see the wallet_payment migration for why and what it does.
   */
  async function payFromWallet(
    req: PaymentRequest,
    m: {
      type: 'p2p' | 'merchant_payment'
      payeeBy: 'phone' | 'merchant'
      payeeRef: string
      amount: bigint
      note?: string
      reference?: string
      /** A merchant's payment request (dynamic QR), marked paid with the payment. */
      requestId?: string
    },
    messages: (ref: string, fee: bigint) => Message[],
  ): Promise<PaymentAnswer> {
    const quote = await tariffs.quote(m.type, currency, m.amount)
    if (!quote) return { ...req.answers.no_tariff!, replayed: false }
    const id = randomUUID()
    const ref = id.slice(0, 8).toUpperCase()
    try {
      const { rows } = await db.raw(
        `SELECT wallet_payment(?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::bigint, ?::bigint, ?, ?, ?, ?, ?::uuid, ?::uuid, ?::bigint, ?::jsonb, ?::jsonb, ?::uuid) AS answer`,
        [
          req.principal.id,
          req.principal.sessionId,
          req.idempotency.key,
          req.idempotency.fingerprint,
          m.type,
          m.payeeBy,
          m.payeeRef,
          m.amount.toString(),
          quote.fee.toString(),
          currency,
          timezone,
          m.note ?? null,
          m.reference ?? ref,
          id,
          randomUUID(),
          (await ledger.systemAccount('fee_revenue', currency)).toString(),
          JSON.stringify(messages(ref, quote.fee)),
          JSON.stringify(req.answers),
          m.requestId ?? null,
        ],
      )
      return rows[0].answer as PaymentAnswer
    } catch (err) {
      if ((err as { code?: string }).code === 'GP409')
        return { ...req.answers.idempotency_conflict!, replayed: false }
      throw err
    }
  }

  return {
    sendMoney: (req) =>
      payFromWallet(
        req,
        { type: 'p2p', payeeBy: 'phone', payeeRef: req.toPhone, amount: req.amount, note: req.note },
        (ref, fee) => [
          { to: 'payer', ...render('p2p_sent', { ref, amount: money(req.amount), fee: money(fee) }) },
          { to: 'payee', ...render('p2p_received', { ref, amount: money(req.amount) }) },
        ],
      ),
    payMerchant: (req) =>
      payFromWallet(
        req,
        {
          type: 'merchant_payment',
          payeeBy: 'merchant',
          payeeRef: req.merchantCode,
          amount: req.amount,
          reference: req.reference,
          requestId: req.requestId,
        },
        (ref, fee) => [
          {
            to: 'payer',
            ...render('merchant_paid', {
              ref,
              amount: money(req.amount),
              fee: money(fee),
              code: req.merchantCode,
            }),
          },
          { to: 'payee', ...render('merchant_received', { ref, amount: money(req.amount) }) },
        ],
      ),
  }
}
