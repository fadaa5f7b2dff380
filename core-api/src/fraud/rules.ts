import { z } from 'zod'

/**
 * The fraud rules. Each transaction rule is one SQL query over a set of candidate transactions
 * (`cand`): live screening passes the one transaction just written, a back-test every transaction of
 * the last 30 days, so what is tested is exactly what runs. Each query answers, per hit, the party the
 * alert is about, the transactions involved and the conditions that fired.
 */
export const ruleParams = {
  velocity: z.strictObject({
    count: z.number().int().min(1).max(1000),
    windowMinutes: z.number().int().min(1).max(1440),
  }),
  unusual_amount: z.strictObject({
    factor: z.number().min(1.5).max(1000),
    minHistory: z.number().int().min(1).max(1000),
    historyDays: z.number().int().min(1).max(365),
  }),
  structuring: z.strictObject({
    count: z.number().int().min(2).max(100),
    windowHours: z.number().int().min(1).max(720),
    nearLimitPercent: z.number().int().min(50).max(99),
  }),
  new_device_large_transfer: z.strictObject({
    deviceAgeHours: z.number().int().min(1).max(720),
    amount: z.number().int().min(1),
  }),
  wrong_pins: z.strictObject({ attempts: z.number().int().min(1).max(20) }),
  many_senders: z.strictObject({
    senders: z.number().int().min(2).max(1000),
    windowHours: z.number().int().min(1).max(720),
    walletAgeDays: z.number().int().min(1).max(365),
  }),
} as const

export type RuleName = keyof typeof ruleParams
export const ruleNames = Object.keys(ruleParams) as RuleName[]
export type RuleParams<R extends RuleName> = z.infer<(typeof ruleParams)[R]>

export interface RuleQuery {
  sql: string
  bindings: Array<string | number>
}

// Outgoing from a customer's wallet: the payer's account is a user wallet.
const FROM_WALLET = `JOIN ledger_accounts wa ON wa.id = c.payer_account_id AND wa.type = 'user_wallet'`

const cond = (condition: string, value: string, threshold: string) =>
  `jsonb_build_object('condition', ${condition}, 'value', ${value}, 'threshold', ${threshold})`

/** The query of a transaction rule, over `cand` (a CTE the caller defines). */
export function transactionRule(
  rule: Exclude<RuleName, 'wrong_pins'>,
  params: Record<string, number>,
): RuleQuery {
  switch (rule) {
    case 'velocity': {
      const p = ruleParams.velocity.parse(params)
      return {
        sql: `SELECT c.id AS transaction_id, c.payer_party_id AS party_id, w.ids AS transaction_ids,
            jsonb_build_array(${cond(`'outgoing payments within ' || ?::int || ' minutes'`, 'w.n', '?::int')}) AS conditions
          FROM cand c ${FROM_WALLET}
          CROSS JOIN LATERAL (SELECT count(*) AS n, array_agg(t.id ORDER BY t.created_at) AS ids FROM transactions t
            WHERE t.payer_account_id = c.payer_account_id AND t.status <> 'failed'
              AND t.created_at > c.created_at - make_interval(mins => ?::int) AND t.created_at <= c.created_at) w
          WHERE c.status <> 'failed' AND w.n > ?::int`,
        bindings: [p.windowMinutes, p.count, p.windowMinutes, p.count],
      }
    }
    case 'unusual_amount': {
      const p = ruleParams.unusual_amount.parse(params)
      return {
        sql: `SELECT c.id AS transaction_id, c.payer_party_id AS party_id, ARRAY[c.id] AS transaction_ids,
            jsonb_build_array(${cond(`'amount against the average of ' || h.n || ' payments'`, 'c.amount', 'round(h.avg * ?::numeric)::bigint')}) AS conditions
          FROM cand c ${FROM_WALLET}
          CROSS JOIN LATERAL (SELECT count(*) AS n, avg(t.amount) AS avg FROM transactions t
            WHERE t.payer_account_id = c.payer_account_id AND t.status = 'completed' AND t.id <> c.id
              AND t.created_at < c.created_at AND t.created_at >= c.created_at - make_interval(days => ?::int)) h
          WHERE c.status <> 'failed' AND h.n >= ?::int AND c.amount > h.avg * ?::numeric`,
        bindings: [p.factor, p.historyDays, p.minHistory, p.factor],
      }
    }
    case 'structuring': {
      const p = ruleParams.structuring.parse(params)
      return {
        sql: `SELECT c.id AS transaction_id, c.payer_party_id AS party_id, s.ids AS transaction_ids,
            jsonb_build_array(${cond(`'payments at ' || ?::int || '% or more of the ' || l.per_transaction || ' limit within ' || ?::int || ' hours'`, 's.n', '?::int')}) AS conditions
          FROM cand c ${FROM_WALLET}
          JOIN parties pp ON pp.id = c.payer_party_id
          JOIN tier_limits l ON l.tier = pp.kyc_tier AND l.currency = c.currency
          CROSS JOIN LATERAL (SELECT count(*) AS n, array_agg(t.id ORDER BY t.created_at) AS ids FROM transactions t
            WHERE t.payer_account_id = c.payer_account_id AND t.status <> 'failed'
              AND t.created_at > c.created_at - make_interval(hours => ?::int) AND t.created_at <= c.created_at
              AND t.amount * 100 >= l.per_transaction * ?::int AND t.amount <= l.per_transaction) s
          WHERE c.status <> 'failed' AND c.amount * 100 >= l.per_transaction * ?::int AND s.n >= ?::int`,
        bindings: [
          p.nearLimitPercent,
          p.windowHours,
          p.count,
          p.windowHours,
          p.nearLimitPercent,
          p.nearLimitPercent,
          p.count,
        ],
      }
    }
    case 'new_device_large_transfer': {
      const p = ruleParams.new_device_large_transfer.parse(params)
      return {
        sql: `SELECT c.id AS transaction_id, c.payer_party_id AS party_id, ARRAY[c.id] AS transaction_ids,
            jsonb_build_array(
              ${cond(`'amount'`, 'c.amount', '?::bigint')},
              ${cond(`'hours since a new device was added'`, 'round(extract(epoch FROM c.created_at - d.newest) / 3600, 1)', '?::int')}) AS conditions
          FROM cand c ${FROM_WALLET}
          CROSS JOIN LATERAL (SELECT max(created_at) AS newest FROM devices
            WHERE party_id = c.payer_party_id AND created_at <= c.created_at) d
          WHERE c.status <> 'failed' AND c.amount >= ?::bigint
            AND d.newest > c.created_at - make_interval(hours => ?::int)`,
        bindings: [p.amount, p.deviceAgeHours, p.amount, p.deviceAgeHours],
      }
    }
    case 'many_senders': {
      const p = ruleParams.many_senders.parse(params)
      return {
        sql: `SELECT c.id AS transaction_id, c.payee_party_id AS party_id, s.ids AS transaction_ids,
            jsonb_build_array(
              ${cond(`'distinct senders within ' || ?::int || ' hours'`, 's.n', '?::int')},
              ${cond(`'wallet age in days'`, 'round(extract(epoch FROM c.created_at - pa.created_at) / 86400, 1)', '?::int')}) AS conditions
          FROM cand c
          JOIN ledger_accounts pa ON pa.id = c.payee_account_id AND pa.type = 'user_wallet'
            AND pa.created_at > c.created_at - make_interval(days => ?::int)
          CROSS JOIN LATERAL (SELECT count(DISTINCT t.payer_party_id) AS n, array_agg(t.id ORDER BY t.created_at) AS ids
            FROM transactions t WHERE t.payee_account_id = c.payee_account_id AND t.status <> 'failed'
              AND t.created_at > c.created_at - make_interval(hours => ?::int) AND t.created_at <= c.created_at) s
          WHERE c.status <> 'failed' AND s.n >= ?::int`,
        bindings: [p.windowHours, p.senders, p.walletAgeDays, p.walletAgeDays, p.windowHours, p.senders],
      }
    }
  }
}
