import type { Db, Executor } from '@gopay/db'
import type { LedgerService } from '../ledger/service'
import {
  receiptJoins,
  receiptSelect,
  toReceipt,
  type Receipt,
  type ReceiptService,
} from '../receipts/service'

/** What the agent's terminal reads at the counter, and the cash handover of a withdrawal. */
export interface CounterService {
  /** The registered holder of a phone, before cash-in or cash-out (never trust a typed name). */
  customer(phone: string): Promise<CustomerCard | undefined>
  float(agentId: string): Promise<FloatView | undefined>
  commissions(agentId: string, period: { from: string; to: string }): Promise<CommissionStatement>
  /** Customer-initiated withdrawals to this agent over the last 7 days. */
  withdrawals(agentId: string, status: 'awaiting_cash' | 'handed_over' | 'all'): Promise<Receipt[]>
  /** Records that the cash of a withdrawal was handed over: once per withdrawal. */
  handOver(
    trx: Executor,
    agentId: string,
    withdrawalId: string,
    terminalId: string | null,
  ): Promise<Receipt | 'unknown' | 'already_handed_over'>
}

export interface CustomerCard {
  phone: string
  name: string
  status: string
  kycTier: number
  canTransact: boolean
}

export interface FloatView {
  balance: bigint
  available: bigint
  currency: string
  lowFloatThreshold: bigint
  low: boolean
}

export interface CommissionStatement {
  currency: string
  from: string
  to: string
  accrued: bigint
  paid: bigint
  outstanding: bigint
  items: Array<{
    transactionId: string
    reference: string
    type: string
    amount: bigint
    commission: bigint
    createdAt: string
  }>
  payouts: Array<{ transactionId: string; reference: string; amount: bigint; createdAt: string }>
}

export function createCounterService({
  db,
  ledger,
  receipts,
  currency,
  timezone,
}: {
  db: Db
  ledger: LedgerService
  receipts: ReceiptService
  currency: string
  timezone: string
}): CounterService {
  return {
    async customer(phone) {
      const r = await db('parties as p')
        .join('ledger_accounts as a', function () {
          this.on('a.party_id', 'p.id').andOnVal('a.type', 'user_wallet').andOnVal('a.currency', currency)
        })
        .where('p.phone', phone)
        .first('p.phone', 'p.display_name', 'p.status', 'p.kyc_tier')
      return (
        r && {
          phone: r.phone,
          name: r.display_name,
          status: r.status,
          kycTier: r.kyc_tier,
          canTransact: r.status === 'active',
        }
      )
    },
    async float(agentId) {
      const a = await db('agents as ag')
        .join('ledger_accounts as a', function () {
          this.on('a.party_id', 'ag.party_id')
            .andOnVal('a.type', 'agent_float')
            .andOnVal('a.currency', currency)
        })
        .where('ag.party_id', agentId)
        .first('a.id', 'ag.float_threshold')
      if (!a) return undefined
      const b = await ledger.balance(a.id)
      return {
        balance: b.balance,
        available: b.available,
        currency,
        lowFloatThreshold: a.float_threshold,
        low: b.available < (a.float_threshold as bigint),
      }
    },
    async commissions(agentId, { from, to }) {
      const range = `t.created_at >= (?::date)::timestamp AT TIME ZONE ? AND t.created_at < (?::date + 1)::timestamp AT TIME ZONE ?`
      const rangeArgs = [from, timezone, to, timezone]
      // Commission is earned on cash-ins the agent paid and cash-outs/withdrawals paid to it; a
      // reversed transaction's commission was reversed with it.
      const { rows: items } = await db.raw(
        `SELECT t.id, t.receipt_ref, t.type, t.amount, (t.metadata->>'commission')::bigint AS commission, t.created_at
         FROM transactions t
         WHERE ((t.type = 'cash_in' AND t.payer_party_id = ?) OR (t.type IN ('cash_out', 'withdrawal') AND t.payee_party_id = ?))
           AND t.status = 'completed' AND (t.metadata->>'commission')::bigint > 0 AND ${range}
         ORDER BY t.created_at, t.id`,
        [agentId, agentId, ...rangeArgs],
      )
      const { rows: payouts } = await db.raw(
        `SELECT t.id, t.receipt_ref, t.amount, t.created_at FROM transactions t
         WHERE t.type = 'commission_payout' AND t.payee_party_id = ? AND ${range} ORDER BY t.created_at, t.id`,
        [agentId, ...rangeArgs],
      )
      const payable = await db('ledger_accounts')
        .where({ party_id: agentId, type: 'commission_payable', currency })
        .first('id')
      const outstanding = payable ? (await ledger.balance(payable.id)).balance : 0n
      const sum = (xs: Array<{ v: bigint }>) => xs.reduce((s, x) => s + x.v, 0n)
      return {
        currency,
        from,
        to,
        accrued: sum(items.map((i: { commission: bigint }) => ({ v: i.commission }))),
        paid: sum(payouts.map((p: { amount: bigint }) => ({ v: p.amount }))),
        outstanding,
        items: items.map((i: Record<string, unknown>) => ({
          transactionId: i.id as string,
          reference: i.receipt_ref as string,
          type: i.type as string,
          amount: i.amount as bigint,
          commission: i.commission as bigint,
          createdAt: (i.created_at as Date).toISOString(),
        })),
        payouts: payouts.map((p: Record<string, unknown>) => ({
          transactionId: p.id as string,
          reference: p.receipt_ref as string,
          amount: p.amount as bigint,
          createdAt: (p.created_at as Date).toISOString(),
        })),
      }
    },
    async withdrawals(agentId, status) {
      const which =
        status === 'awaiting_cash'
          ? 'AND h.transaction_id IS NULL'
          : status === 'handed_over'
            ? 'AND h.transaction_id IS NOT NULL'
            : ''
      const { rows } = await db.raw(
        `SELECT ${receiptSelect} FROM transactions t ${receiptJoins}
         WHERE t.type = 'withdrawal' AND t.payee_party_id = ? AND t.status = 'completed'
           AND t.created_at > now() - interval '7 days' ${which}
         ORDER BY t.created_at DESC, t.id DESC LIMIT 200`,
        [agentId, agentId],
      )
      return rows.map((r: Record<string, unknown>) => toReceipt(r, agentId))
    },
    async handOver(trx, agentId, withdrawalId, terminalId) {
      const t = await trx('transactions')
        .where({ id: withdrawalId, type: 'withdrawal', payee_party_id: agentId, status: 'completed' })
        .forShare()
        .first('id')
      if (!t) return 'unknown'
      // The primary key decides a race of two handovers: the second inserts nothing.
      const [row] = await trx('cash_handovers')
        .insert({ transaction_id: withdrawalId, agent_party_id: agentId, terminal_id: terminalId })
        .onConflict('transaction_id')
        .ignore()
        .returning('transaction_id')
      if (!row) return 'already_handed_over'
      return (await receipts.receipt(agentId, withdrawalId, trx))!
    },
  }
}
