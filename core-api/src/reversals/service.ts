import type { Executor } from '@gopay/db'
import { isLedgerError, LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import { formatMoney } from '@gopay/vocabulary'

export enum ReversalError {
  UnknownTransaction = 'UnknownTransaction',
  NotReversible = 'NotReversible',
  AlreadyReversed = 'AlreadyReversed',
  /** The recipient no longer holds the money: flagged for staff instead. */
  Flagged = 'Flagged',
}

export interface ReversalService {
  /**
   * Reverses a completed transaction through the ledger's reversal (a mirror entry, fee included),
   * by staff: money sent to a wrong number, say. Runs in the caller's transaction.
   */
  reverse(
    trx: Executor,
    r: { transactionId: string; staffId: string; reason: string },
  ): Promise<{ id: string; status: 'reversed' } | ReversalError>
}

export function createReversalService({
  ledger,
  notifier,
}: {
  ledger: LedgerService
  notifier: Notifier
}): ReversalService {
  return {
    async reverse(trx, { transactionId, staffId, reason }) {
      // Lock order: the transaction row, then (inside the ledger) balance rows.
      const t = await trx('transactions').where({ id: transactionId }).forUpdate().first()
      if (!t) return ReversalError.UnknownTransaction
      if (t.status === 'reversed') return ReversalError.AlreadyReversed
      if (t.status !== 'completed') return ReversalError.NotReversible
      const entry = await trx('journal_entries')
        .where({ transaction_id: transactionId })
        .whereNot({ kind: 'reversal' })
        .first('id')
      if (!entry) return ReversalError.NotReversible

      const reversed = await ledger.reverse(trx, {
        entryId: entry.id,
        transactionId,
        description: `reversal: ${reason}`,
      })
      if (isLedgerError(reversed)) {
        if (reversed === LedgerError.AlreadyReversed) return ReversalError.AlreadyReversed
        if (reversed !== LedgerError.InsufficientFunds)
          throw new Error(`unexpected ledger outcome ${reversed}`)
        await trx('transaction_flags').insert({
          transaction_id: transactionId,
          kind: 'reversal_blocked',
          reason: `Reversal refused: the recipient no longer holds ${formatMoney(t.amount, t.currency)}. Asked for: ${reason}`,
          raised_by: staffId,
        })
        return ReversalError.Flagged
      }
      await trx('transactions')
        .where({ id: transactionId })
        .update({
          status: 'reversed',
          updated_at: trx.fn.now(),
          metadata: trx.raw(`metadata || ?::jsonb`, [
            JSON.stringify({ reversedBy: staffId, reversalReason: reason }),
          ]),
        })
      await trx('audit_log').insert({
        actor_party_id: staffId,
        action: 'transaction.reverse',
        target_type: 'transaction',
        target_id: transactionId,
        details: JSON.stringify({ reason, reversalEntry: reversed.entryId }),
      })
      const ref = String(t.reference ?? transactionId.slice(0, 8).toUpperCase())
      const amount = formatMoney(t.amount, t.currency)
      await notifier.notify(
        trx,
        ...[
          t.payer_party_id && {
            partyId: t.payer_party_id as string,
            kind: 'reversal_payer' as const,
            params: { ref, amount },
          },
          t.payee_party_id && {
            partyId: t.payee_party_id as string,
            kind: 'reversal_payee' as const,
            params: { ref, amount },
          },
        ].filter((n) => !!n),
      )
      return { id: transactionId, status: 'reversed' }
    },
  }
}
