import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import { isLedgerError, LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import { formatMoney } from '@gopay/vocabulary'
import type { Transaction } from '../transfers/service'

export enum RefundError {
  UnknownPayment = 'UnknownPayment',
  MoreThanPaid = 'MoreThanPaid',
  InsufficientFunds = 'InsufficientFunds',
}

export interface RefundService {
  /** Gives back all or part of a payment to this merchant's till; never more than was paid, in all. */
  refund(
    trx: Executor,
    r: { merchantId: string; paymentId: string; amount: bigint },
  ): Promise<Transaction | RefundError>
}

export function createRefundService({
  ledger,
  notifier,
}: {
  ledger: LedgerService
  notifier: Notifier
}): RefundService {
  return {
    async refund(trx, { merchantId, paymentId, amount }) {
      // Lock order: the payment's row first (refunds of one payment queue here), then balances.
      const p = await trx('transactions as t')
        .join('parties as c', 'c.id', 't.payer_party_id')
        .join('merchants as m', 'm.party_id', 't.payee_party_id')
        .where({
          't.id': paymentId,
          't.type': 'merchant_payment',
          't.status': 'completed',
          't.payee_party_id': merchantId,
        })
        .forUpdate('t')
        .first('t.*', 'c.phone as customer_phone', 'm.business_name', 'm.code')
      if (!p) return RefundError.UnknownPayment
      const done = await trx('transactions')
        .where({ original_transaction_id: paymentId, type: 'refund' })
        .whereIn('status', ['pending', 'completed'])
        .sum({ total: 'amount' })
        .first()
      const refunded = (done?.total as bigint | null) ?? 0n
      if (refunded + amount > (p.amount as bigint)) return RefundError.MoreThanPaid

      const id = randomUUID()
      const posted = await ledger.post(trx, {
        transactionId: id,
        currency: p.currency,
        postings: [
          { accountId: p.payee_account_id, amount: -amount },
          { accountId: p.payer_account_id, amount },
        ],
        description: 'refund',
      })
      if (isLedgerError(posted)) {
        if (posted === LedgerError.InsufficientFunds) return RefundError.InsufficientFunds
        throw new Error(`unexpected ledger outcome ${posted}`)
      }
      const reference = id.slice(0, 8).toUpperCase()
      const [row] = await trx('transactions')
        .insert({
          id,
          type: 'refund',
          status: 'completed',
          currency: p.currency,
          amount,
          payer_party_id: merchantId,
          payer_account_id: p.payee_account_id,
          payee_party_id: p.payer_party_id,
          payee_account_id: p.payer_account_id,
          original_transaction_id: paymentId,
          reference,
        })
        .returning(['created_at'])
      await notifier.notify(trx, {
        partyId: p.payer_party_id,
        kind: 'refund_received',
        params: {
          ref: reference,
          merchant: p.business_name,
          code: p.code,
          amount: formatMoney(amount, p.currency),
          payment: p.reference,
        },
      })
      return {
        id,
        type: 'refund',
        status: 'completed',
        amount,
        fee: 0n,
        currency: p.currency,
        createdAt: (row.created_at as Date).toISOString(),
        reference,
        refundedSoFar: refunded + amount,
      }
    },
  }
}
