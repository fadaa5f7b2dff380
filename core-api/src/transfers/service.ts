import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import { LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
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
  sendMoney(
    trx: Executor,
    t: { payerId: string; toPhone: string; amount: bigint; note?: string },
  ): Promise<Transaction | TransferError>
  /** Wallet to a merchant's till, by till code. */
  payMerchant(
    trx: Executor,
    t: { payerId: string; merchantCode: string; amount: bigint; reference?: string },
  ): Promise<Transaction | TransferError>
}

interface Deps {
  ledger: LedgerService
  tariffs: TariffService
  currency: string
  timezone: string
}

export function createTransferService({ ledger, tariffs, currency, timezone }: Deps): TransferService {
  /**
   * Money out of a user's wallet to another party's account, priced by `type`'s tariff, within the
   * payer's tier limits (and the payee's balance cap when the payee is a wallet).
   *
   * Two statements, because every round trip costs: the first locks the payer's party row and
   * finds the payee; the second, which starts after the lock is held and so sees every earlier
   * payment of this payer, checks the daily and monthly totals, posts the entry and writes the
   * transaction and its notifications, or writes nothing.
   */
  async function payFromWallet(
    trx: Executor,
    m: {
      type: 'p2p' | 'merchant_payment'
      payerId: string
      payeeSql: string
      payeeArgs: string[]
      capPayee: boolean
      amount: bigint
      note?: string
      reference?: string
    },
    notify: (
      payer: { name: string; phone: string },
      payee: { name: string; phone: string | null },
      ref: string,
      fee: bigint,
    ) => Array<{ to: string; message: string }>,
  ): Promise<Transaction | TransferError> {
    const { payerId, amount } = m
    const { rows } = await trx.raw(
      `SELECT payer.*, payee.* FROM
         (SELECT p.id AS payer_id, p.status AS payer_status, p.kyc_tier AS payer_tier, p.display_name AS payer_name,
                 p.phone AS payer_phone, a.id AS payer_account
          FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = ?
          WHERE p.id = ? FOR NO KEY UPDATE OF p) payer
       LEFT JOIN LATERAL (
          SELECT p.id AS payee_id, p.status AS payee_status, p.kyc_tier AS payee_tier, p.display_name AS payee_name,
                 p.phone AS payee_phone, a.id AS payee_account,
                 (SELECT sum(available + held) FROM ledger_balances b WHERE b.account_id = a.id)::bigint AS payee_balance
          FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = ? AND a.currency = ?
          WHERE ${m.payeeSql}) payee ON true`,
      [currency, payerId, m.type === 'p2p' ? 'user_wallet' : 'merchant', currency, ...m.payeeArgs],
    )
    const r = rows[0]
    if (!r || r.payer_status !== 'active') return TransferError.PayerLocked
    if (!r.payee_id) return TransferError.UnknownRecipient
    if (r.payee_id === r.payer_id) return TransferError.SelfTransfer
    if (r.payee_status !== 'active') return TransferError.RecipientUnavailable

    const quote = await tariffs.quote(m.type, currency, amount, trx)
    if (!quote) return TransferError.NoTariff
    const limits = await tariffs.limits(r.payer_tier, currency, trx)
    if (!limits || amount > limits.perTransaction) return TransferError.OverTransactionLimit
    if (m.capPayee) {
      const payeeLimits = await tariffs.limits(r.payee_tier, currency, trx)
      if (payeeLimits && r.payee_balance + amount > payeeLimits.maxBalance)
        return TransferError.RecipientBalanceLimit
    }

    const id = randomUUID()
    const ref = id.slice(0, 8).toUpperCase()
    const postings = [
      { accountId: r.payer_account as bigint, amount: -(amount + quote.fee) },
      { accountId: r.payee_account as bigint, amount },
    ]
    if (quote.fee > 0n)
      postings.push({
        accountId: await ledger.systemAccount('fee_revenue', currency, trx),
        amount: quote.fee,
      })
    const post = ledger.postCall({
      entryId: randomUUID(),
      transactionId: id,
      currency,
      postings,
      description: m.type,
    })
    const messages = notify(
      { name: r.payer_name, phone: r.payer_phone },
      { name: r.payee_name, phone: r.payee_phone },
      ref,
      quote.fee,
    )
    const { rows: done } = await trx.raw(
      `WITH used AS (
         SELECT coalesce(sum(amount) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE ?) AT TIME ZONE ?), 0)::bigint AS today,
                coalesce(sum(amount), 0)::bigint AS month
         FROM transactions
         WHERE payer_party_id = ? AND status IN ('pending', 'completed')
           AND created_at >= date_trunc('month', now() AT TIME ZONE ?) AT TIME ZONE ?),
       post AS (
         SELECT CASE WHEN used.today + ?::bigint > ?::bigint THEN 'over_daily'
                     WHEN used.month + ?::bigint > ?::bigint THEN 'over_monthly'
                     ELSE ${post.sql} END AS outcome
         FROM used),
       tx AS (
         INSERT INTO transactions (id, type, status, currency, amount, fee, payer_party_id, payee_party_id,
                                   payer_account_id, payee_account_id, note, reference)
         SELECT ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ? FROM post WHERE outcome = 'ok' RETURNING created_at),
       notes AS (
         INSERT INTO outbox (topic, payload) SELECT 'sms.send', m FROM post, unnest(?::jsonb[]) AS m WHERE outcome = 'ok')
       SELECT outcome, (SELECT created_at FROM tx) AS created_at FROM post`,
      [
        timezone,
        timezone,
        payerId,
        timezone,
        timezone,
        amount.toString(),
        limits.daily.toString(),
        amount.toString(),
        limits.monthly.toString(),
        ...post.bindings,
        id,
        m.type,
        currency,
        amount.toString(),
        quote.fee.toString(),
        payerId,
        r.payee_id,
        String(r.payer_account),
        String(r.payee_account),
        m.note ?? null,
        m.reference ?? ref,
        messages.map((x) => JSON.stringify(x)),
      ],
    )
    const outcome = done[0].outcome as string
    if (outcome === 'over_daily') return TransferError.OverDailyLimit
    if (outcome === 'over_monthly') return TransferError.OverMonthlyLimit
    if (outcome !== 'ok') {
      if (ledger.outcomeToError(outcome) === LedgerError.InsufficientFunds)
        return TransferError.InsufficientFunds
      throw new Error(`unexpected ledger outcome ${outcome}`)
    }
    return {
      id,
      type: m.type,
      status: 'completed',
      amount,
      fee: quote.fee,
      currency,
      createdAt: (done[0].created_at as Date).toISOString(),
    }
  }

  return {
    async sendMoney(trx, { payerId, toPhone, amount, note }) {
      return payFromWallet(
        trx,
        { type: 'p2p', payerId, payeeSql: 'p.phone = ?', payeeArgs: [toPhone], capPayee: true, amount, note },
        (payer, payee, ref, fee) => [
          {
            to: payer.phone,
            message: `${ref} Confirmed. You sent ${formatMoney(amount, currency)} to ${payee.name} ${maskPhone(toPhone)}. Fee ${formatMoney(fee, currency)}.`,
          },
          {
            to: toPhone,
            message: `${ref} Confirmed. You received ${formatMoney(amount, currency)} from ${payer.name} ${maskPhone(payer.phone)}.`,
          },
        ],
      )
    },
    async payMerchant(trx, { payerId, merchantCode, amount, reference }) {
      return payFromWallet(
        trx,
        {
          type: 'merchant_payment',
          payerId,
          payeeSql: 'p.id = (SELECT party_id FROM merchants WHERE code = ?)',
          payeeArgs: [merchantCode],
          capPayee: false,
          amount,
          reference,
        },
        (payer, payee, ref, fee) => [
          {
            to: payer.phone,
            message: `${ref} Confirmed. You paid ${formatMoney(amount, currency)} to ${payee.name} (${merchantCode}). Fee ${formatMoney(fee, currency)}.`,
          },
          ...(payee.phone
            ? [
                {
                  to: payee.phone,
                  message: `${ref} Confirmed. ${formatMoney(amount, currency)} received from ${payer.name} ${maskPhone(payer.phone)}.`,
                },
              ]
            : []),
        ],
      )
    },
  }
}
