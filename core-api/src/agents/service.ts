import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import type { AuthService } from '../auth/service'
import { AuthError } from '../auth/errors'
import { isLedgerError, LedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney, maskPhone } from '@gopay/vocabulary'
import type { Transaction } from '../transfers/service'
import { AgentError, limitErrors } from './errors'

export type AgentFailure = { error: AgentError; remainingAttempts?: number }

export interface AgentService {
  /** Cash into a customer's wallet from the agent's float; the agent earns its commission. */
  cashIn(
    trx: Executor,
    c: { agentId: string; customerPhone: string; amount: bigint },
  ): Promise<Transaction | AgentFailure>
  /** Cash out at the counter: the customer authorises with their PIN on the agent's terminal. */
  cashOut(
    trx: Executor,
    c: { agentId: string; customerPhone: string; amount: bigint; customerPin: string },
  ): Promise<Transaction | AgentFailure>
  /** Cash out started by the customer (USSD): they name the agent; the agent is told at once. */
  withdraw(
    trx: Executor,
    c: { customerId: string; agentCode: string; amount: bigint },
  ): Promise<Transaction | AgentFailure>
}

interface Deps {
  ledger: LedgerService
  tariffs: TariffService
  notifier: Notifier
  auth: AuthService
  currency: string
  timezone: string
}

interface AgentRow {
  id: string
  status: string
  phone: string
  code: string
  business_name: string
  float_threshold: bigint
  float_account: bigint
  /** The agent's commission tariff: its share of the band's commission, in basis points. */
  commission_share_bps: number
}

interface CustomerRow {
  id: string
  status: string
  kyc_tier: number
  display_name: string
  phone: string
  account: bigint
}

const fail = (error: AgentError, remainingAttempts?: number): AgentFailure => ({ error, remainingAttempts })

export function createAgentService({
  ledger,
  tariffs,
  notifier,
  auth,
  currency,
  timezone,
}: Deps): AgentService {
  const money = (m: bigint) => formatMoney(m, currency)
  // The band's commission scaled by the agent's commission tariff (rounded down, like fees).
  const earned = (a: AgentRow, commission: bigint) => (commission * BigInt(a.commission_share_bps)) / 10_000n
  async function agent(
    trx: Executor,
    where: { id?: string; code?: string },
    lock = false,
  ): Promise<AgentRow | undefined> {
    const { rows } = await trx.raw(
      `SELECT p.id, p.status, p.phone, ag.code, ag.business_name, ag.float_threshold, a.id AS float_account,
         ct.share_bps AS commission_share_bps
       FROM parties p JOIN agents ag ON ag.party_id = p.id
       JOIN commission_tariffs ct ON ct.code = ag.commission_tariff
       JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'agent_float' AND a.currency = ?
       WHERE ${where.id ? 'p.id = ?' : '(ag.code = ? OR ag.alias = ?)'} ${lock ? 'FOR NO KEY UPDATE OF p' : ''}`,
      where.id ? [currency, where.id] : [currency, where.code!, where.code!],
    )
    return rows[0]
  }

  // `lock`: the party whose money goes out is locked first (parties before balances), so its
  // limits see every earlier payment.
  async function customer(
    trx: Executor,
    where: { phone?: string; id?: string },
    lock: boolean,
  ): Promise<CustomerRow | undefined> {
    const { rows } = await trx.raw(
      `SELECT p.id, p.status, p.kyc_tier, p.display_name, p.phone, a.id AS account
       FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = ?
       WHERE ${where.id ? 'p.id = ?' : 'p.phone = ?'} ${lock ? 'FOR NO KEY UPDATE OF p' : ''}`,
      [currency, where.id ?? where.phone!],
    )
    return rows[0]
  }

  async function limit(trx: Executor, sql: string, args: unknown[]) {
    const { rows } = await trx.raw(`SELECT ${sql} AS outcome`, args as never[])
    const outcome = rows[0].outcome as string
    return outcome === 'ok' ? null : (limitErrors[outcome] ?? AgentError.OverTransactionLimit)
  }

  async function record(
    trx: Executor,
    t: {
      type: string
      amount: bigint
      fee: bigint
      commission: bigint
      payer: [string, bigint]
      payee: [string, bigint]
      agentId: string
    },
    postings: Array<{ accountId: bigint; amount: bigint }>,
    onShort: AgentError,
  ): Promise<(Transaction & { reference: string }) | AgentFailure> {
    if (t.commission > 0n)
      postings.push(
        { accountId: await ledger.systemAccount('commission_expense', currency, trx), amount: -t.commission },
        {
          accountId: await ledger.partyAccount(trx, t.agentId, 'commission_payable', currency),
          amount: t.commission,
        },
      )
    const id = randomUUID()
    const posted = await ledger.post(trx, { transactionId: id, currency, postings, description: t.type })
    if (isLedgerError(posted)) {
      if (posted === LedgerError.InsufficientFunds) return fail(onShort)
      throw new Error(`unexpected ledger outcome ${posted}`)
    }
    const reference = id.slice(0, 8).toUpperCase()
    const [row] = await trx('transactions')
      .insert({
        id,
        type: t.type,
        status: 'completed',
        currency,
        amount: t.amount,
        fee: t.fee,
        payer_party_id: t.payer[0],
        payer_account_id: t.payer[1],
        payee_party_id: t.payee[0],
        payee_account_id: t.payee[1],
        reference,
        metadata: JSON.stringify({ commission: t.commission.toString() }),
      })
      .returning(['created_at'])
    return {
      id,
      type: t.type,
      status: 'completed',
      amount: t.amount,
      fee: t.fee,
      currency,
      createdAt: (row.created_at as Date).toISOString(),
      reference,
    }
  }

  async function floatWarning(trx: Executor, a: AgentRow) {
    const { available } = await ledger.balance(a.float_account, trx)
    if (available < a.float_threshold)
      await notifier.notify(trx, {
        partyId: a.id,
        kind: 'float_low',
        params: { available: formatMoney(available, currency) },
      })
  }

  /** Cash out of a customer's wallet at an agent (counter or customer-initiated). */
  async function payOut(
    trx: Executor,
    a: AgentRow | undefined,
    c: CustomerRow,
    amount: bigint,
    type: 'cash_out' | 'withdrawal',
  ) {
    if (!a) return fail(AgentError.UnknownAgent)
    if (a.status !== 'active') return fail(AgentError.AgentUnavailable)
    const quote = await tariffs.quote(type, currency, amount, trx)
    if (!quote) return fail(AgentError.NoTariff)
    const over = await limit(trx, 'spending_check(?::uuid, ?::smallint, ?::bigint, ?, ?)', [
      c.id,
      c.kyc_tier,
      amount.toString(),
      currency,
      timezone,
    ])
    if (over) return fail(over)
    const postings = [
      { accountId: c.account, amount: -(amount + quote.fee) },
      { accountId: a.float_account, amount },
    ]
    if (quote.fee > 0n)
      postings.push({
        accountId: await ledger.systemAccount('fee_revenue', currency, trx),
        amount: quote.fee,
      })
    const t = await record(
      trx,
      {
        type,
        amount,
        fee: quote.fee,
        commission: earned(a, quote.commission),
        payer: [c.id, c.account],
        payee: [a.id, a.float_account],
        agentId: a.id,
      },
      postings,
      AgentError.InsufficientFunds,
    )
    if ('error' in t) return t
    await notifier.notify(
      trx,
      {
        partyId: c.id,
        kind: 'cash_out_customer',
        params: {
          ref: t.reference,
          amount: money(amount),
          agent: a.business_name,
          code: a.code,
          fee: money(quote.fee),
        },
      },
      {
        partyId: a.id,
        kind: type === 'withdrawal' ? 'withdrawal_request_agent' : 'cash_out_agent',
        params: {
          ref: t.reference,
          amount: money(amount),
          customer: c.display_name,
          phone: maskPhone(c.phone),
          commission: money(earned(a, quote.commission)),
        },
      },
    )
    return { ...t, agentName: a.business_name, agentCode: a.code }
  }

  return {
    async cashIn(trx, { agentId, customerPhone, amount }) {
      // The agent's float is what goes out: the agent's row is locked first.
      const a = await agent(trx, { id: agentId }, true)
      if (!a || a.status !== 'active') return fail(AgentError.AgentUnavailable)
      const c = await customer(trx, { phone: customerPhone }, false)
      if (!c) return fail(AgentError.UnknownCustomer)
      if (c.status !== 'active') return fail(AgentError.CustomerUnavailable)
      const quote = await tariffs.quote('cash_in', currency, amount, trx)
      if (!quote) return fail(AgentError.NoTariff)
      const over = await limit(trx, 'balance_cap_check(?::bigint, ?::smallint, ?::bigint, ?)', [
        c.account.toString(),
        c.kyc_tier,
        amount.toString(),
        currency,
      ])
      if (over) return fail(over)
      const t = await record(
        trx,
        {
          type: 'cash_in',
          amount,
          fee: 0n,
          commission: earned(a, quote.commission),
          payer: [a.id, a.float_account],
          payee: [c.id, c.account],
          agentId: a.id,
        },
        [
          { accountId: a.float_account, amount: -amount },
          { accountId: c.account, amount },
        ],
        AgentError.FloatTooLow,
      )
      if ('error' in t) return t
      await notifier.notify(
        trx,
        {
          partyId: c.id,
          kind: 'cash_in_customer',
          params: { ref: t.reference, amount: money(amount), agent: a.business_name, code: a.code },
        },
        {
          partyId: a.id,
          kind: 'cash_in_agent',
          params: {
            ref: t.reference,
            amount: money(amount),
            customer: c.display_name,
            phone: maskPhone(c.phone),
            commission: money(earned(a, quote.commission)),
          },
        },
      )
      await floatWarning(trx, a)
      return t
    },
    async cashOut(trx, { agentId, customerPhone, amount, customerPin }) {
      const c = await customer(trx, { phone: customerPhone }, true)
      if (!c) return fail(AgentError.UnknownCustomer)
      if (c.status !== 'active') return fail(AgentError.CustomerUnavailable)
      const pin = await auth.verifyPin(trx, c.id, customerPin)
      if (!pin.ok)
        return pin.error === AuthError.InvalidPin
          ? fail(AgentError.InvalidPin, pin.remainingAttempts)
          : fail(AgentError.PinLocked)
      return payOut(trx, await agent(trx, { id: agentId }), c, amount, 'cash_out')
    },
    async withdraw(trx, { customerId, agentCode, amount }) {
      const c = await customer(trx, { id: customerId }, true)
      if (!c || c.status !== 'active') return fail(AgentError.CustomerUnavailable)
      return payOut(trx, await agent(trx, { code: agentCode }), c, amount, 'withdrawal')
    },
  }
}
