import type { Db, Executor } from '@gopay/db'
import { isLedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney } from '@gopay/vocabulary'
import { PartnerFlowError, type PartnerFlowFailure } from '../integrations/errors'
import { beginPartnerTransaction, type PendingTransaction } from '../integrations/outgoing'
import { lockPayer } from '../integrations/parties'
import type { PartnerCalls } from '../integrations/partner-calls'

/** Only the last digits of a bank account in texts. */
export const maskAccount = (a: string) => (a.length > 4 ? `***${a.slice(-4)}` : a)

export interface BankEvent {
  id: string
  type: string
  data: { reference?: string; partnerReference?: string; amount?: number; phone?: string; reason?: string }
}

export type BankEventOutcome =
  | 'credited'
  | 'settled'
  | 'duplicate'
  | 'already_settled'
  | 'conflict'
  | 'ignored'
  | 'unknown_reference'
  | 'rejected_unknown_wallet'
  | 'rejected_wallet_locked'
  | 'rejected_balance_cap'

export interface BankService {
  /** A user sends money from the wallet to a bank account: held, posted on the bank's word. */
  cashOutToBank(
    trx: Executor,
    r: { userId: string; accountNumber: string; amount: bigint },
  ): Promise<PendingTransaction | PartnerFlowFailure>
  /** An agent pulls float from its own bank account: credited when the bank confirms. */
  topUpFloat(
    trx: Executor,
    r: { agentId: string; amount: bigint },
  ): Promise<PendingTransaction | PartnerFlowFailure>
  /** An agent sends float back to its bank account. */
  withdrawFloat(
    trx: Executor,
    r: { agentId: string; amount: bigint },
  ): Promise<PendingTransaction | PartnerFlowFailure>
  /** A merchant's till balance (or part of it) to its settlement bank account, less the settlement fee. */
  settleMerchant(
    trx: Executor,
    r: { merchantId: string; amount?: bigint },
  ): Promise<PendingTransaction | PartnerFlowFailure>
  /** Every merchant with money and a bank account, settled (the daily job). */
  settleAllMerchants(): Promise<{ started: string[] }>
  /** A verified webhook from the bank: each event id acts once. */
  handleEvent(event: BankEvent): Promise<BankEventOutcome>
}

export function createBankService(deps: {
  db: Db
  ledger: LedgerService
  tariffs: TariffService
  notifier: Notifier
  calls: PartnerCalls
  currency: string
  timezone: string
}): BankService {
  const { db, ledger, tariffs, notifier, calls, currency } = deps
  const money = (m: bigint) => formatMoney(m, currency)
  const bankSettlement = (trx: Executor) => ledger.systemAccount('bank_settlement', currency, trx)

  /** Money out of a GoPay account to a bank account, the fee to GoPay. */
  async function payOut(
    trx: Executor,
    r: {
      type: 'bank_payout' | 'float_withdrawal' | 'merchant_settlement'
      partyId: string
      accountType: 'user_wallet' | 'agent_float' | 'merchant'
      accountNumber?: string
      amount?: bigint
      spender: boolean
      done: 'bank_payout_done' | 'settlement_done'
      failed: 'bank_payout_failed' | 'settlement_failed'
    },
  ) {
    const payer = await lockPayer(trx, r.partyId, r.accountType, currency)
    if (!payer || payer.status !== 'active') return { error: PartnerFlowError.AccountLocked }
    const accountNumber = r.accountNumber ?? payer.bank_account
    if (!accountNumber) return { error: PartnerFlowError.NoBankAccount }
    let amount = r.amount
    if (amount === undefined) {
      // Settle everything available: the largest amount that, with its fee, fits (fees only grow
      // with the amount, so a binary search finds it).
      const { available } = await ledger.balance(payer.account, trx)
      let [lo, hi] = [0n, available]
      while (lo < hi) {
        const mid = (lo + hi + 1n) / 2n
        const fee = (await tariffs.quote(r.type, currency, mid, trx))?.fee
        if (fee !== undefined && mid + fee <= available) lo = mid
        else hi = mid - 1n
      }
      amount = lo
      if (amount <= 0n) return { error: PartnerFlowError.NothingToSettle }
    }
    const quote = await tariffs.quote(r.type, currency, amount, trx)
    if (!quote) return { error: PartnerFlowError.NoTariff }
    const bank = await bankSettlement(trx)
    const params = { amount: money(amount), fee: money(quote.fee), account: maskAccount(accountNumber) }
    return beginPartnerTransaction(
      trx,
      { ledger, calls, timezone: deps.timezone },
      {
        type: r.type,
        operation: 'bank_payout',
        currency,
        amount,
        fee: quote.fee,
        payer: { partyId: payer.id, accountId: payer.account, tier: payer.kyc_tier, spender: r.spender },
        payee: { accountId: bank },
        ask: { accountNumber, narrative: `GoPay ${r.type.replace('_', ' ')}` },
        onCompleted: (ref) => [{ partyId: payer.id, kind: r.done, params: { ...params, ref } }],
        onFailed: (ref) => [{ partyId: payer.id, kind: r.failed, params: { ...params, ref } }],
        metadata: { bankAccount: maskAccount(accountNumber) },
      },
    )
  }

  async function credit(trx: Executor, e: BankEvent): Promise<BankEventOutcome> {
    const amount = BigInt(e.data.amount ?? 0)
    const { rows } = await trx.raw(
      `SELECT p.id, p.status, p.kyc_tier, a.id AS account FROM parties p
       JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = ?
       WHERE p.phone = ?`,
      [currency, e.data.phone ?? ''],
    )
    const w = rows[0] as { id: string; status: string; kyc_tier: number; account: bigint } | undefined
    if (!w) return 'rejected_unknown_wallet'
    if (w.status !== 'active') return 'rejected_wallet_locked'
    const { rows: cap } = await trx.raw(
      'SELECT balance_cap_check(?::bigint, ?::smallint, ?::bigint, ?) AS outcome',
      [w.account.toString(), w.kyc_tier, amount.toString(), currency],
    )
    if (cap[0].outcome !== 'ok') return 'rejected_balance_cap'
    const id = crypto.randomUUID()
    const reference = id.slice(0, 8).toUpperCase()
    const bank = await bankSettlement(trx)
    await trx('transactions').insert({
      id,
      type: 'bank_deposit',
      status: 'completed',
      currency,
      amount,
      payee_party_id: w.id,
      payee_account_id: w.account,
      payer_account_id: bank,
      reference,
      metadata: JSON.stringify({ bankEvent: e.id, partnerReference: e.data.partnerReference ?? '' }),
    })
    const posted = await ledger.post(trx, {
      transactionId: id,
      currency,
      postings: [
        { accountId: bank, amount: -amount },
        { accountId: w.account, amount },
      ],
      description: 'bank_deposit',
    })
    if (isLedgerError(posted)) throw new Error(`deposit refused by the ledger: ${posted}`)
    await notifier.notify(trx, {
      partyId: w.id,
      kind: 'bank_deposit',
      params: { ref: reference, amount: money(amount), bankRef: e.data.partnerReference ?? e.id },
    })
    return 'credited'
  }

  return {
    cashOutToBank: (trx, r) =>
      payOut(trx, {
        type: 'bank_payout',
        partyId: r.userId,
        accountType: 'user_wallet',
        accountNumber: r.accountNumber,
        amount: r.amount,
        spender: true,
        done: 'bank_payout_done',
        failed: 'bank_payout_failed',
      }),
    withdrawFloat: (trx, r) =>
      payOut(trx, {
        type: 'float_withdrawal',
        partyId: r.agentId,
        accountType: 'agent_float',
        amount: r.amount,
        spender: false,
        done: 'bank_payout_done',
        failed: 'bank_payout_failed',
      }),
    settleMerchant: (trx, r) =>
      payOut(trx, {
        type: 'merchant_settlement',
        partyId: r.merchantId,
        accountType: 'merchant',
        amount: r.amount,
        spender: false,
        done: 'settlement_done',
        failed: 'settlement_failed',
      }),
    async topUpFloat(trx, r) {
      const agent = await lockPayer(trx, r.agentId, 'agent_float', currency)
      if (!agent || agent.status !== 'active') return { error: PartnerFlowError.AccountLocked }
      if (!agent.bank_account) return { error: PartnerFlowError.NoBankAccount }
      const quote = await tariffs.quote('float_top_up', currency, r.amount, trx)
      if (!quote) return { error: PartnerFlowError.NoTariff }
      const bank = await bankSettlement(trx)
      const params = { amount: money(r.amount) }
      return beginPartnerTransaction(
        trx,
        { ledger, calls, timezone: deps.timezone },
        {
          type: 'float_top_up',
          operation: 'bank_collection',
          currency,
          amount: r.amount,
          fee: 0n,
          source: bank,
          payee: { partyId: agent.id, accountId: agent.account },
          ask: { accountNumber: agent.bank_account, narrative: 'GoPay float top-up' },
          onCompleted: (ref) => [
            { partyId: agent.id, kind: 'float_top_up_done', params: { ...params, ref } },
          ],
          onFailed: (ref) => [{ partyId: agent.id, kind: 'float_top_up_failed', params: { ...params, ref } }],
        },
      )
    },
    async settleAllMerchants() {
      const due = await db('merchants as m')
        .join('parties as p', 'p.id', 'm.party_id')
        .join('ledger_accounts as a', function () {
          this.on('a.party_id', 'p.id').andOnVal('a.type', 'merchant').andOnVal('a.currency', currency)
        })
        .join('ledger_balances as b', 'b.account_id', 'a.id')
        .whereNotNull('m.settlement_bank_account')
        .where('p.status', 'active')
        .groupBy('p.id')
        .havingRaw('sum(b.available) > 0')
        .pluck('p.id')
      const started: string[] = []
      for (const merchantId of due) {
        const t = await db.transaction((trx) => this.settleMerchant(trx, { merchantId }))
        if ('error' in t) continue
        started.push(t.id)
        await calls.run(t.id)
      }
      return { started }
    },
    async handleEvent(e) {
      return db.transaction(async (trx) => {
        const fresh = await trx('bank_events')
          .insert({ event_id: e.id, type: e.type, payload: JSON.stringify(e), outcome: 'received' })
          .onConflict('event_id')
          .ignore()
          .returning('event_id')
        if (!fresh.length) return 'duplicate' as const
        let outcome: BankEventOutcome
        const [kind, what] = e.type.split('.')
        if (e.type === 'deposit') outcome = await credit(trx, e)
        else if (
          (kind === 'payout' || kind === 'collection') &&
          (what === 'completed' || what === 'failed')
        ) {
          const settled = await calls.settle(
            e.data.reference ?? '',
            what === 'completed'
              ? { status: 'completed', partnerReference: e.data.partnerReference ?? '' }
              : { status: 'failed', reason: e.data.reason ?? 'refused by the bank' },
            trx,
          )
          outcome =
            settled === 'settled'
              ? 'settled'
              : settled === 'already'
                ? 'already_settled'
                : settled === 'conflict'
                  ? 'conflict'
                  : 'unknown_reference'
          if (settled === 'conflict') {
            // The bank now says the opposite of what it said before: staff must look.
            const call = await trx('partner_calls')
              .where({ reference: e.data.reference })
              .first('transaction_id')
            await trx('transaction_flags').insert({
              transaction_id: call.transaction_id,
              kind: 'suspicious',
              reason: `The bank sent ${e.type} (${e.id}) for a transfer already settled the other way.`,
            })
          }
        } else outcome = 'ignored'
        await trx('bank_events').where({ event_id: e.id }).update({ outcome })
        return outcome
      })
    },
  }
}
