import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import { isLedgerError, LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notice } from '../notifications/service'
import { PartnerFlowError, limitOutcomes, type PartnerFlowFailure } from './errors'
import type { Ask, Operation, PartnerCalls } from './partner-calls'

/** Money held for a partner: long enough for any partner to answer and reconciliation to settle it. */
const HOLD_DAYS = 30

export interface PendingTransaction {
  id: string
  type: string
  status: 'pending'
  amount: bigint
  fee: bigint
  currency: string
  reference: string
  createdAt: string
}

/**
 * Starts a transaction that waits on a partner: the transaction row (pending), a hold on the payer's
 * money for amount and fee (when money goes out), and the partner call, all in the caller's transaction.
 * Checked first, before any write: the payer's tier limits (when `spender` is given).
 */
export async function beginPartnerTransaction(
  trx: Executor,
  deps: { ledger: LedgerService; calls: PartnerCalls; timezone: string },
  t: {
    type: string
    operation: Operation
    currency: string
    amount: bigint
    fee: bigint
    /** The party whose money goes out (held now); or, for money coming in from outside, `source`. */
    payer?: { partyId: string; accountId: bigint; tier?: number; spender?: boolean }
    source?: bigint
    payee: { partyId?: string; accountId: bigint }
    ask: Ask
    onCompleted: (ref: string) => Notice[]
    onFailed: (ref: string) => Notice[]
    metadata?: Record<string, string>
  },
): Promise<PendingTransaction | PartnerFlowFailure> {
  if (t.payer?.spender) {
    const { rows } = await trx.raw(
      'SELECT spending_check(?::uuid, ?::smallint, ?::bigint, ?, ?) AS outcome',
      [t.payer.partyId, t.payer.tier ?? 0, t.amount.toString(), t.currency, deps.timezone],
    )
    const outcome = rows[0].outcome as string
    if (outcome !== 'ok') return { error: limitOutcomes[outcome] ?? PartnerFlowError.OverTransactionLimit }
  }
  // The settling entry: amount and fee out of the payer (or source), the amount to the payee, the fee
  // to GoPay.
  const from = t.payer?.accountId ?? t.source
  if (from === undefined) throw new Error(`${t.type}: a partner transaction needs a payer or a source`)
  const postings = [
    { accountId: from, amount: -(t.amount + t.fee) },
    { accountId: t.payee.accountId, amount: t.amount },
    ...(t.fee > 0n
      ? [{ accountId: await deps.ledger.systemAccount('fee_revenue', t.currency, trx), amount: t.fee }]
      : []),
  ]
  const id = randomUUID()
  const reference = id.slice(0, 8).toUpperCase()
  let holdId: string | undefined
  if (t.payer) {
    // The hold is the first write: it is taken under the balance rows' locks, so whatever happened
    // since the caller read the balance, too little money refuses cleanly here with nothing written
    // (the hold's transaction reference is checked at commit, after the row below exists).
    const held = await deps.ledger.reserve(trx, {
      accountId: t.payer.accountId,
      amount: t.amount + t.fee,
      expiresAt: new Date(Date.now() + HOLD_DAYS * 86_400_000),
      transactionId: id,
    })
    if (isLedgerError(held)) {
      if (held === LedgerError.InsufficientFunds) return { error: PartnerFlowError.InsufficientFunds }
      throw new Error(`unexpected ledger outcome ${held}`)
    }
    holdId = held.holdId
  }
  const [row] = await trx('transactions')
    .insert({
      id,
      type: t.type,
      status: 'pending',
      currency: t.currency,
      amount: t.amount,
      fee: t.fee,
      payer_party_id: t.payer?.partyId ?? null,
      payer_account_id: t.payer?.accountId ?? null,
      payee_party_id: t.payee.partyId ?? null,
      payee_account_id: t.payee.accountId,
      reference,
      metadata: JSON.stringify(t.metadata ?? {}),
    })
    .returning(['created_at'])
  await deps.calls.record(trx, {
    transactionId: id,
    operation: t.operation,
    reference: id,
    currency: t.currency,
    holdId,
    ask: { ...t.ask, amount: t.amount.toString() },
    postings,
    onCompleted: t.onCompleted(reference),
    onFailed: t.onFailed(reference),
  })
  return {
    id,
    type: t.type,
    status: 'pending',
    amount: t.amount,
    fee: t.fee,
    currency: t.currency,
    reference,
    createdAt: (row.created_at as Date).toISOString(),
  }
}
