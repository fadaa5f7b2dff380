import type { Db, Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import type { AuthService } from '../auth/service'
import { cursorAt, type Cursor } from '../http/paging'
import type { LedgerService } from '../ledger/service'
import { ruleNames, ruleParams, transactionRule, type RuleName } from './rules'

export interface Alert {
  id: string
  rule: string
  score: number
  partyId: string
  partyName: string | null
  transactionIds: string[]
  conditions: Array<{ condition: string; value: unknown; threshold: unknown }>
  status: 'open' | 'reviewing' | 'dismissed' | 'actioned'
  note: string | null
  action: string | null
  reviewedBy: string | null
  createdAt: string
  updatedAt: string
}

export interface Rule {
  rule: RuleName
  enabled: boolean
  score: number
  params: Record<string, number>
  description: string
  updatedAt: string
}

export enum FraudError {
  UnknownAlert = 'UnknownAlert',
  Closed = 'Closed',
  NoWallet = 'NoWallet',
  /** No pending hold on this alert to release. */
  NoHold = 'NoHold',
}

interface Hit {
  transaction_id: string | null
  party_id: string
  transaction_ids: string[]
  conditions: Alert['conditions']
}

const toAlert = (r: Record<string, unknown>): Alert => ({
  id: r.id as string,
  rule: r.rule as string,
  score: Number(r.score),
  partyId: r.party_id as string,
  partyName: (r.party_name as string | null) ?? null,
  transactionIds: (r.transaction_ids as string[]) ?? [],
  conditions: r.conditions as Alert['conditions'],
  status: r.status as Alert['status'],
  note: (r.note as string | null) ?? null,
  action: (r.action as string | null) ?? null,
  reviewedBy: (r.reviewed_by as string | null) ?? null,
  createdAt: new Date(r.created_at as string).toISOString(),
  updatedAt: new Date(r.updated_at as string).toISOString(),
})

const toRule = (r: Record<string, unknown>): Rule => ({
  rule: r.rule as RuleName,
  enabled: r.enabled as boolean,
  score: Number(r.score),
  params: r.params as Record<string, number>,
  description: r.description as string,
  updatedAt: new Date(r.updated_at as string).toISOString(),
})

/** How long a held wallet stays held unless staff release it first. */
const HOLD_DAYS = 30

/**
 * Fraud monitoring. `screen` runs for every outbox message the database writes when a transaction is
 * written or a PIN is wrong (topic `fraud.screen`), in the outbox delivery's transaction: an alert is
 * raised exactly when the message is delivered. One open alert per rule and party; later hits add to it.
 */
export function createFraudService({
  db,
  audit,
  auth,
  ledger,
}: {
  db: Db
  audit: AuditService
  auth: AuthService
  ledger: LedgerService
}) {
  async function raise(trx: Executor, rule: Rule, hit: Hit) {
    await trx.raw(
      `INSERT INTO fraud_alerts (rule, party_id, transaction_ids, score, conditions)
       VALUES (?, ?, ?::uuid[], ?, ?::jsonb)
       ON CONFLICT (rule, party_id) WHERE status IN ('open', 'reviewing') DO UPDATE SET
         transaction_ids = (SELECT array_agg(DISTINCT x) FROM unnest(fraud_alerts.transaction_ids || EXCLUDED.transaction_ids) x),
         conditions = EXCLUDED.conditions, score = greatest(fraud_alerts.score, EXCLUDED.score), updated_at = now()`,
      [rule.rule, hit.party_id, hit.transaction_ids, rule.score, JSON.stringify(hit.conditions)],
    )
  }

  async function rules(trx: Executor = db): Promise<Rule[]> {
    return (await trx('fraud_rules').orderBy('rule')).map(toRule)
  }

  const alertQuery = (trx: Executor) =>
    trx('fraud_alerts as a')
      .leftJoin('parties as p', 'p.id', 'a.party_id')
      .select('a.*', 'p.display_name as party_name', trx.raw(cursorAt('a.created_at')))

  async function getAlert(trx: Executor, id: string) {
    const r = await alertQuery(trx).where('a.id', id).first()
    return r ? toAlert(r) : undefined
  }

  /** Changes an open alert under its row lock, with the audit row. */
  async function decide(
    id: string,
    staffId: string,
    change: (trx: Executor, alert: Alert) => Promise<Record<string, unknown> | FraudError>,
    action: string,
    details: Record<string, unknown>,
  ): Promise<Alert | FraudError> {
    return db.transaction(async (trx) => {
      const row = await trx('fraud_alerts').where({ id }).forUpdate().first('id')
      if (!row) return FraudError.UnknownAlert
      const alert = (await getAlert(trx, id))!
      if (alert.status === 'dismissed' || alert.status === 'actioned') return FraudError.Closed
      const update = await change(trx, alert)
      if (typeof update === 'string') return update
      await trx('fraud_alerts')
        .where({ id })
        .update({ ...update, reviewed_by: staffId, updated_at: trx.fn.now() })
      await audit.record(trx, {
        actorId: staffId,
        action,
        targetType: 'fraud_alert',
        targetId: id,
        details: { partyId: alert.partyId, rule: alert.rule, ...details },
      })
      return (await getAlert(trx, id))!
    })
  }

  return {
    rules: () => rules(),

    /** Gives a held wallet's money back (the alert stays actioned; the release is audited). */
    async releaseHold(id: string, staffId: string, reason: string): Promise<Alert | FraudError> {
      return db.transaction(async (trx) => {
        const row = await trx('fraud_alerts').where({ id }).forUpdate().first('hold_id', 'party_id')
        if (!row) return FraudError.UnknownAlert
        if (!row.hold_id) return FraudError.NoHold
        const voided = await ledger.voidHold(trx, row.hold_id)
        if (voided) return FraudError.NoHold
        await trx('fraud_alerts').where({ id }).update({ updated_at: trx.fn.now() })
        await audit.record(trx, {
          actorId: staffId,
          action: 'fraud.alert.release_hold',
          targetType: 'fraud_alert',
          targetId: id,
          details: { partyId: row.party_id, holdId: row.hold_id, reason },
        })
        return (await getAlert(trx, id))!
      })
    },

    /** One `fraud.screen` message: a transaction written, or a wrong PIN. */
    async screen(trx: Executor, payload: Record<string, unknown>) {
      const enabled = (await rules(trx)).filter((r) => r.enabled)
      if (typeof payload.transactionId === 'string') {
        for (const rule of enabled) {
          if (rule.rule === 'wrong_pins') continue
          const q = transactionRule(rule.rule, rule.params)
          const { rows } = await trx.raw(`WITH cand AS (SELECT * FROM transactions WHERE id = ?) ${q.sql}`, [
            payload.transactionId,
            ...q.bindings,
          ])
          for (const hit of rows as Hit[]) await raise(trx, rule, hit)
        }
      } else if (typeof payload.partyId === 'string' && typeof payload.wrongPins === 'number') {
        const rule = enabled.find((r) => r.rule === 'wrong_pins')
        const p = rule && ruleParams.wrong_pins.parse(rule.params)
        if (rule && p && payload.wrongPins >= p.attempts)
          await raise(trx, rule, {
            transaction_id: null,
            party_id: payload.partyId,
            transaction_ids: [],
            conditions: [
              { condition: 'wrong PINs in a row', value: payload.wrongPins, threshold: p.attempts },
            ],
          })
      }
    },

    /** What a rule with these thresholds would have raised over the last 30 days; nothing is written. */
    async backtest(rule: RuleName, params: Record<string, number>) {
      const to = new Date()
      const from = new Date(to.getTime() - 30 * 86_400_000)
      let hits: Hit[]
      let scanned: number
      if (rule === 'wrong_pins') {
        const p = ruleParams.wrong_pins.parse(params)
        const { rows } = await db.raw(
          `SELECT NULL AS transaction_id, (payload->>'partyId')::uuid AS party_id, '{}'::uuid[] AS transaction_ids,
             jsonb_build_array(jsonb_build_object('condition', 'wrong PINs in a row', 'value', (payload->>'wrongPins')::int, 'threshold', ?::int)) AS conditions
           FROM outbox WHERE topic = 'fraud.screen' AND payload->>'wrongPins' IS NOT NULL AND created_at >= ?
             AND (payload->>'wrongPins')::int >= ?::int`,
          [p.attempts, from, p.attempts],
        )
        hits = rows
        scanned = Number(
          (
            await db('outbox')
              .where({ topic: 'fraud.screen' })
              .whereRaw(`payload->>'wrongPins' IS NOT NULL`)
              .where('created_at', '>=', from)
              .count('* as n')
          )[0]!.n,
        )
      } else {
        const q = transactionRule(rule, params)
        const { rows } = await db.raw(
          `WITH cand AS (SELECT * FROM transactions WHERE created_at >= ? AND created_at <= ?) ${q.sql}`,
          [from, to, ...q.bindings],
        )
        hits = rows
        scanned = Number(
          (await db('transactions').whereBetween('created_at', [from, to]).count('* as n'))[0]!.n,
        )
      }
      const parties = new Set(hits.map((h) => h.party_id))
      return {
        rule,
        from: from.toISOString(),
        to: to.toISOString(),
        transactionsScanned: scanned,
        alerts: hits.length,
        parties: parties.size,
        sample: hits.slice(0, 20).map((h) => ({
          partyId: h.party_id,
          transactionIds: h.transaction_ids ?? [],
          conditions: h.conditions,
        })),
      }
    },

    async updateRule(
      staffId: string,
      rule: RuleName,
      change: { enabled: boolean; score: number; params: Record<string, number> },
    ): Promise<Rule> {
      const params = ruleParams[rule].parse(change.params)
      return db.transaction(async (trx) => {
        const before = await trx('fraud_rules').where({ rule }).forUpdate().first()
        await trx('fraud_rules')
          .where({ rule })
          .update({
            enabled: change.enabled,
            score: change.score,
            params: JSON.stringify(params),
            updated_by: staffId,
            updated_at: trx.fn.now(),
          })
        await audit.record(trx, {
          actorId: staffId,
          action: 'fraud.rule.update',
          targetType: 'fraud_rule',
          targetId: rule,
          details: {
            before: { enabled: before.enabled, score: before.score, params: before.params },
            after: { ...change, params },
          },
        })
        return toRule(await trx('fraud_rules').where({ rule }).first())
      })
    },

    async alerts(q: { status?: string; rule?: string; party?: string; cursor?: Cursor; limit: number }) {
      const query = alertQuery(db)
        .orderBy([
          { column: 'a.created_at', order: 'desc' },
          { column: 'a.id', order: 'desc' },
        ])
        .limit(q.limit + 1)
      if (q.cursor) query.whereRaw('(a.created_at, a.id) < (?::timestamptz, ?)', [q.cursor.at, q.cursor.id])
      if (q.status) query.where('a.status', q.status)
      if (q.rule) query.where('a.rule', q.rule)
      if (q.party) query.where('a.party_id', q.party)
      return (await query).map((r) => ({ ...toAlert(r), cursorAt: r.cursor_at as string }))
    },

    alert: (id: string) => getAlert(db, id),

    review: (id: string, staffId: string, note: string) =>
      decide(id, staffId, async () => ({ status: 'reviewing', note }), 'fraud.alert.review', { note }),

    dismiss: (id: string, staffId: string, reason: string) =>
      decide(id, staffId, async () => ({ status: 'dismissed', note: reason }), 'fraud.alert.dismiss', {
        reason,
      }),

    /**
     * Acts on an alert: locks the party's account (every session ends), or holds the wallet's whole
     * available balance in a ledger hold, so nothing of it can be spent until staff release it.
     */
    act: (id: string, staffId: string, action: 'lock_account' | 'hold_wallet', reason: string) =>
      decide(
        id,
        staffId,
        async (trx, alert) => {
          if (action === 'lock_account') {
            await trx('parties')
              .where({ id: alert.partyId })
              .update({ status: 'locked', locked_reason: `fraud alert: ${reason}`, updated_at: trx.fn.now() })
            await auth.revokeAllSessions(trx, alert.partyId, `locked on a fraud alert: ${reason}`)
            return { status: 'actioned', action, note: reason }
          }
          const wallet = await trx('ledger_accounts')
            .where({ party_id: alert.partyId, type: 'user_wallet' })
            .first('id')
          if (!wallet) return FraudError.NoWallet
          const { available } = await ledger.balance(wallet.id, trx)
          let holdId: string | null = null
          if (available > 0n) {
            const held = await ledger.reserve(trx, {
              accountId: wallet.id,
              amount: available,
              expiresAt: new Date(Date.now() + HOLD_DAYS * 86_400_000),
            })
            if (typeof held === 'object') holdId = held.holdId
          }
          return { status: 'actioned', action, note: reason, hold_id: holdId }
        },
        'fraud.alert.act',
        { action, reason },
      ),
  }
}
export type FraudService = ReturnType<typeof createFraudService>
export { ruleNames }
