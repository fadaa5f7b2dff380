import type { Db, Executor } from '@gopay/db'
import type { Logger } from 'pino'
import { isLedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notice, Notifier } from '../notifications/service'
import type { AirtimeGateway } from './airtime'
import type { BankGateway } from './bank'
import type { BillerGateway } from './billers'
import type { PartnerOutcome } from './outcome'

export type Operation = 'bank_payout' | 'bank_collection' | 'bill_payment' | 'airtime'

export interface Gateways {
  bank?: BankGateway
  billers?: BillerGateway
  airtime?: AirtimeGateway
}

/** What to ask the partner: the fields of the operation's request. */
export type Ask = Record<string, string>

export interface NewCall {
  transactionId: string
  operation: Operation
  reference: string
  currency: string
  /** The hold on the payer's money (none for a collection: money only comes in). */
  holdId?: string
  ask: Ask
  /** The entry that settles the call when the partner confirms. */
  postings: Array<{ accountId: bigint; amount: bigint }>
  /** Who is told what, when it completes or fails; the partner's receipt, token or reason join the params. */
  onCompleted: Notice[]
  onFailed: Notice[]
}

export type Settled =
  { status: 'completed'; details: Record<string, string> } | { status: 'failed'; reason: string }
export type CallState = Settled | { status: 'pending' }

interface CallRow {
  id: string
  transaction_id: string
  operation: Operation
  reference: string
  hold_id: string | null
  request: {
    currency: string
    ask: Ask
    postings: Array<[string, string]>
    onCompleted: Notice[]
    onFailed: Notice[]
  }
  status: 'pending' | 'completed' | 'failed'
  result: Record<string, string> | null
  asks: number
  sent_at: Date | null
}

const partnerOf: Record<Operation, 'bank' | 'biller' | 'airtime'> = {
  bank_payout: 'bank',
  bank_collection: 'bank',
  bill_payment: 'biller',
  airtime: 'airtime',
}

/** How long to wait before asking again: quick at first, then at most every 10 minutes. */
const backoffSeconds = (asks: number) => Math.min(600, 2 ** Math.min(asks, 10))

export interface PartnerCalls {
  /** Records a call, pending, in the caller's transaction (with the transaction row and the hold). */
  record(trx: Executor, call: NewCall): Promise<void>
  /** Asks the partner (after the recording committed) and settles on a final answer. */
  run(transactionId: string): Promise<CallState>
  /** A partner's final answer from a callback; a call already settled stays as it is. */
  settle(
    reference: string,
    outcome: PartnerOutcome,
    trx?: Executor,
  ): Promise<'settled' | 'already' | 'conflict' | 'unknown'>
  /** Asks partners about every pending call that is due; settles what they confirm. */
  reconcile(limit?: number): Promise<{ checked: number; settled: number }>
}

export function createPartnerCalls({
  db,
  ledger,
  notifier,
  gateways,
  log,
}: {
  db: Db
  ledger: LedgerService
  notifier: Notifier
  gateways: Gateways
  log?: Logger
}): PartnerCalls {
  function ask(row: CallRow, resend: boolean): Promise<PartnerOutcome> {
    const a = row.request.ask
    const amount = BigInt(a.amount!)
    const currency = row.request.currency
    const missing = (name: string): PartnerOutcome => ({
      status: 'unreachable',
      detail: `no ${name} gateway configured`,
    })
    switch (row.operation) {
      case 'bank_payout':
      case 'bank_collection': {
        const bank = gateways.bank
        if (!bank) return Promise.resolve(missing('bank'))
        const kind = row.operation === 'bank_payout' ? 'payout' : 'collection'
        if (!resend) return bank.status(kind, row.reference)
        const p = {
          reference: row.reference,
          accountNumber: a.accountNumber!,
          amount,
          currency,
          narrative: a.narrative ?? '',
        }
        return kind === 'payout' ? bank.payOut(p) : bank.collect(p)
      }
      case 'bill_payment': {
        const billers = gateways.billers
        if (!billers) return Promise.resolve(missing('biller'))
        if (!resend) return billers.status(row.reference)
        return billers.pay({
          reference: row.reference,
          billerCode: a.billerCode!,
          accountNumber: a.accountNumber!,
          amount,
          currency,
        })
      }
      case 'airtime': {
        const airtime = gateways.airtime
        if (!airtime) return Promise.resolve(missing('airtime'))
        if (!resend) return airtime.status(row.reference)
        return airtime.send({ reference: row.reference, phone: a.phone!, amount, currency })
      }
    }
  }

  /** Settles one pending call under its row lock: exactly once, whoever gets here first. */
  async function settleRow(trx: Executor, row: CallRow, outcome: PartnerOutcome): Promise<Settled | null> {
    if (outcome.status === 'completed') {
      const postings = row.request.postings.map(([accountId, amount]) => ({
        accountId: BigInt(accountId),
        amount: BigInt(amount),
      }))
      const input = {
        transactionId: row.transaction_id,
        currency: row.request.currency,
        postings,
        description: row.operation,
      }
      const posted = row.hold_id
        ? await ledger.postHold(trx, row.hold_id, input)
        : await ledger.post(trx, input)
      if (isLedgerError(posted)) throw new Error(`settling ${row.reference} refused by the ledger: ${posted}`)
      const details = { ...(outcome.details ?? {}), partnerReference: outcome.partnerReference }
      await trx('partner_calls')
        .where({ id: row.id })
        .update({
          status: 'completed',
          partner_reference: outcome.partnerReference || null,
          result: JSON.stringify(details),
          settled_at: trx.fn.now(),
        })
      await trx('transactions')
        .where({ id: row.transaction_id })
        .update({
          status: 'completed',
          updated_at: trx.fn.now(),
          metadata: trx.raw(`metadata || ?::jsonb`, [JSON.stringify(details)]),
        })
      await notifier.notify(
        trx,
        ...row.request.onCompleted.map((n) => ({ ...n, params: { ...n.params, ...details } })),
      )
      return { status: 'completed', details }
    }
    if (outcome.status === 'failed') {
      if (row.hold_id) {
        const voided = await ledger.voidHold(trx, row.hold_id)
        if (voided !== undefined) throw new Error(`voiding the hold of ${row.reference} refused: ${voided}`)
      }
      await trx('partner_calls')
        .where({ id: row.id })
        .update({
          status: 'failed',
          result: JSON.stringify({ reason: outcome.reason }),
          settled_at: trx.fn.now(),
        })
      await trx('transactions')
        .where({ id: row.transaction_id })
        .update({
          status: 'failed',
          updated_at: trx.fn.now(),
          metadata: trx.raw(`metadata || ?::jsonb`, [JSON.stringify({ failure: outcome.reason })]),
        })
      await notifier.notify(
        trx,
        ...row.request.onFailed.map((n) => ({ ...n, params: { ...n.params, reason: outcome.reason } })),
      )
      return { status: 'failed', reason: outcome.reason }
    }
    return null
  }

  const lockRow = (trx: Executor, where: Record<string, string>) =>
    trx('partner_calls').where(where).forUpdate().first() as Promise<CallRow | undefined>

  /** Asks once and acts on the answer: settle, or note the attempt and when to ask again. */
  async function askAndSettle(transactionId: string): Promise<CallState> {
    const row = (await db('partner_calls').where({ transaction_id: transactionId }).first()) as
      CallRow | undefined
    if (!row) throw new Error(`no partner call for transaction ${transactionId}`)
    if (row.status !== 'pending') return stateOf(row)
    // Never asked: send it. Asked before: ask what became of it, and send again only if the partner
    // never saw it (the reference makes the resend harmless either way).
    let outcome = await ask(row, row.sent_at === null)
    if (outcome.status === 'unknown') outcome = await ask(row, true)
    return db.transaction(async (trx) => {
      const locked = await lockRow(trx, { id: row.id })
      if (!locked || locked.status !== 'pending') return stateOf(locked!)
      const settled = await settleRow(trx, locked, outcome)
      if (settled) return settled
      const asks = locked.asks + 1
      await trx('partner_calls')
        .where({ id: locked.id })
        .update({
          asks,
          sent_at: locked.sent_at ?? trx.fn.now(),
          partner_reference: outcome.status === 'pending' ? (outcome.partnerReference ?? null) : null,
          last_error: outcome.status === 'unreachable' ? outcome.detail.slice(0, 500) : null,
          next_check_at: trx.raw(`now() + make_interval(secs => ?)`, [backoffSeconds(asks)]),
        })
      if (outcome.status === 'unreachable')
        log?.warn(
          { reference: locked.reference, detail: outcome.detail },
          'partner did not answer; the reconciliation job will ask again',
        )
      return { status: 'pending' as const }
    })
  }

  function stateOf(row: CallRow): CallState {
    if (row.status === 'completed') return { status: 'completed', details: row.result ?? {} }
    if (row.status === 'failed') return { status: 'failed', reason: row.result?.reason ?? 'refused' }
    return { status: 'pending' }
  }

  return {
    async record(trx, c) {
      await trx('partner_calls').insert({
        transaction_id: c.transactionId,
        partner: partnerOf[c.operation],
        operation: c.operation,
        reference: c.reference,
        hold_id: c.holdId ?? null,
        request: JSON.stringify({
          currency: c.currency,
          ask: c.ask,
          postings: c.postings.map((p) => [p.accountId.toString(), p.amount.toString()]),
          onCompleted: c.onCompleted,
          onFailed: c.onFailed,
        }),
        // The request itself asks at once; the job only picks a call up if that ask never happened.
        next_check_at: trx.raw(`now() + interval '30 seconds'`),
      })
    },
    run: askAndSettle,
    async settle(reference, outcome, trx) {
      const go = async (t: Executor) => {
        const row = await lockRow(t, { reference })
        if (!row) return 'unknown' as const
        if (row.status !== 'pending') {
          const same =
            (row.status === 'completed' && outcome.status === 'completed') ||
            (row.status === 'failed' && outcome.status === 'failed')
          return same || (outcome.status !== 'completed' && outcome.status !== 'failed')
            ? ('already' as const)
            : ('conflict' as const)
        }
        return (await settleRow(t, row, outcome)) ? ('settled' as const) : ('already' as const)
      }
      return trx ? go(trx) : db.transaction(go)
    },
    async reconcile(limit = 50) {
      const due = await db('partner_calls')
        .where({ status: 'pending' })
        .where('next_check_at', '<=', db.fn.now())
        .orderBy('next_check_at')
        .limit(limit)
        .pluck('transaction_id')
      let settled = 0
      for (const id of due) {
        try {
          if ((await askAndSettle(id)).status !== 'pending') settled++
        } catch (err) {
          log?.error({ err, transactionId: id }, 'reconciling a partner call failed')
        }
      }
      return { checked: due.length, settled }
    },
  }
}
