import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import { isLedgerError, LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Outbox } from '../outbox/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney, maskPhone } from '../text'
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

export interface TransferService {
  /** Wallet to wallet. Runs in the caller's transaction (the one that holds the idempotency claim). */
  sendMoney(trx: Executor, t: { payerId: string; toPhone: string; amount: bigint; note?: string }): Promise<Transaction | TransferError>
}

interface Deps {
  ledger: LedgerService
  tariffs: TariffService
  outbox: Outbox
  currency: string
}

export function createTransferService({ ledger, tariffs, outbox, currency }: Deps): TransferService {
  return {
    async sendMoney(trx, { payerId, toPhone, amount, note }) {
      // The payer's party row is locked first (lock order: parties, then balances) so that two
      // transfers of one payer see each other's amounts when checking limits.
      const { rows: payers } = await trx.raw(
        `SELECT p.id, p.status, p.kyc_tier, p.display_name, p.phone, a.id AS account_id
         FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = ?
         WHERE p.id = ? FOR NO KEY UPDATE OF p`,
        [currency, payerId],
      )
      const payer = payers[0]
      if (!payer || payer.status !== 'active') return TransferError.PayerLocked
      if (payer.phone === toPhone) return TransferError.SelfTransfer

      const { rows: payees } = await trx.raw(
        `SELECT p.id, p.status, p.kyc_tier, p.display_name, p.language, a.id AS account_id,
                (SELECT sum(available + held) FROM ledger_balances b WHERE b.account_id = a.id)::bigint AS balance
         FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = ?
         WHERE p.phone = ?`,
        [currency, toPhone],
      )
      const payee = payees[0]
      if (!payee) return TransferError.UnknownRecipient
      if (payee.status !== 'active') return TransferError.RecipientUnavailable

      const quote = await tariffs.quote('p2p', currency, amount, trx)
      if (!quote) return TransferError.NoTariff
      const limits = await tariffs.limits(payer.kyc_tier, currency, trx)
      if (!limits || amount > limits.perTransaction) return TransferError.OverTransactionLimit
      const used = await tariffs.usage(trx, payerId)
      if (used.today + amount > limits.daily) return TransferError.OverDailyLimit
      if (used.month + amount > limits.monthly) return TransferError.OverMonthlyLimit
      const payeeLimits = await tariffs.limits(payee.kyc_tier, currency, trx)
      if (payeeLimits && payee.balance + amount > payeeLimits.maxBalance) return TransferError.RecipientBalanceLimit

      const id = randomUUID()
      const postings = [
        { accountId: payer.account_id as bigint, amount: -(amount + quote.fee) },
        { accountId: payee.account_id as bigint, amount },
      ]
      if (quote.fee > 0n) postings.push({ accountId: await ledger.systemAccount('fee_revenue', currency, trx), amount: quote.fee })
      // The ledger is the first write: an expected failure leaves nothing behind.
      const posted = await ledger.post(trx, { transactionId: id, currency, postings, description: 'p2p' })
      if (isLedgerError(posted)) {
        if (posted === LedgerError.InsufficientFunds) return TransferError.InsufficientFunds
        throw new Error(`unexpected ledger outcome ${posted}`)
      }
      const [row] = await trx('transactions')
        .insert({
          id,
          type: 'p2p',
          status: 'completed',
          currency,
          amount,
          fee: quote.fee,
          payer_party_id: payerId,
          payee_party_id: payee.id,
          payer_account_id: payer.account_id,
          payee_account_id: payee.account_id,
          note: note ?? null,
          reference: id.slice(0, 8).toUpperCase(),
        })
        .returning(['created_at'])
      const ref = id.slice(0, 8).toUpperCase()
      await outbox.add(
        trx,
        {
          topic: 'sms.send',
          payload: {
            to: payer.phone,
            message: `${ref} Confirmed. You sent ${formatMoney(amount, currency)} to ${payee.display_name} ${maskPhone(toPhone)}. Fee ${formatMoney(quote.fee, currency)}.`,
          },
        },
        {
          topic: 'sms.send',
          payload: {
            to: toPhone,
            message: `${ref} Confirmed. You received ${formatMoney(amount, currency)} from ${payer.display_name} ${maskPhone(payer.phone)}.`,
          },
        },
      )
      return { id, type: 'p2p', status: 'completed', amount, fee: quote.fee, currency, createdAt: (row.created_at as Date).toISOString() }
    },
  }
}
