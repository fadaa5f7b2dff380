import { randomInt } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'
import type { AuditService } from '../audit/service'
import type { AuthService } from '../auth/service'
import { cursorAt, encodeCursor, type Cursor } from '../http/paging'
import type { LedgerService } from '../ledger/service'
import { floatStatement } from './statement'
import { setSuspended as suspend } from '../parties/suspension'

export interface AgentOnboarding {
  phone: string
  businessName: string
  location: string
  bankAccount: string
  floatThreshold: number
  commissionTariff: string
  pin: string
}
export type AgentChange = Partial<Omit<AgentOnboarding, 'phone' | 'pin'>>

export enum AgentAdminError {
  Unknown = 'Unknown',
  PhoneTaken = 'PhoneTaken',
  UnknownTariff = 'UnknownTariff',
}

const SELECT = `SELECT g.party_id AS id, g.code, g.business_name, p.phone, g.location, g.bank_account, g.float_threshold,
    g.commission_tariff, p.status, g.created_at, ${cursorAt('g.created_at')},
    coalesce((SELECT sum(b.available + b.held) FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
      WHERE a.party_id = g.party_id AND a.type = 'agent_float' AND a.currency = ?), 0)::bigint AS float_balance
  FROM agents g JOIN parties p ON p.id = g.party_id`

const toAgent = (r: Record<string, unknown>) => ({
  id: r.id as string,
  code: r.code as string,
  businessName: r.business_name as string,
  phone: r.phone as string,
  location: (r.location as string | null) ?? null,
  bankAccount: (r.bank_account as string | null) ?? null,
  floatThreshold: r.float_threshold as bigint,
  commissionTariff: r.commission_tariff as string,
  status: r.status === 'active' ? 'active' : 'suspended',
  floatBalance: BigInt(r.float_balance as bigint),
  belowThreshold: BigInt(r.float_balance as bigint) < BigInt(r.float_threshold as bigint),
  createdAt: new Date(r.created_at as string).toISOString(),
  cursorAt: r.cursor_at as string,
})
export type AdminAgent = ReturnType<typeof toAgent>

/** Agents as staff run them: onboarding with the float account, changes, suspension, statements. */
export function createAgentAdmin({
  db,
  auth,
  ledger,
  audit,
  currency,
}: {
  db: Db
  auth: AuthService
  ledger: LedgerService
  audit: AuditService
  currency: string
}) {
  async function get(trx: Executor, id: string) {
    const { rows } = await trx.raw(`${SELECT} WHERE g.party_id = ?`, [currency, id])
    return rows[0] ? toAgent(rows[0]) : undefined
  }
  const tariffKnown = async (trx: Executor, code: string) =>
    !!(await trx('commission_tariffs').where({ code }).first('code'))

  return {
    get: (id: string) => get(db, id),

    async list(q: {
      q?: string
      status?: 'active' | 'suspended'
      belowThreshold?: boolean
      cursor?: Cursor
      limit: number
    }) {
      const where: string[] = []
      const bindings: Array<string | number> = [currency]
      if (q.q) {
        where.push(
          `(g.code = upper(?) OR g.alias = upper(?) OR lower(g.business_name) LIKE ? OR p.phone LIKE ?)`,
        )
        bindings.push(
          q.q,
          q.q,
          `${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`,
          `${q.q.replace(/[\\%_]/g, '\\$&')}%`,
        )
      }
      if (q.status) where.push(q.status === 'active' ? `p.status = 'active'` : `p.status <> 'active'`)
      if (q.cursor) {
        where.push(`(g.created_at, g.party_id) < (?::timestamptz, ?)`)
        bindings.push(q.cursor.at, q.cursor.id)
      }
      const { rows } = await db.raw(
        `SELECT * FROM (${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) s
         ${q.belowThreshold ? 'WHERE s.float_balance < s.float_threshold' : ''}
         ORDER BY s.created_at DESC, s.id DESC LIMIT ?`,
        [...bindings, q.limit + 1],
      )
      return rows.map(toAgent)
    },

    async onboard(by: string, o: AgentOnboarding): Promise<AdminAgent | AgentAdminError> {
      return db.transaction(async (trx) => {
        if (!(await tariffKnown(trx, o.commissionTariff))) return AgentAdminError.UnknownTariff
        const [p] = await trx('parties')
          .insert({
            kind: 'agent',
            roles: ['agent'],
            display_name: o.businessName,
            phone: o.phone,
            status: 'active',
            kyc_tier: 2,
          })
          .onConflict('phone')
          .ignore()
          .returning('id')
        if (!p) return AgentAdminError.PhoneTaken
        // A short code agents say over the counter; drawn until free (the unique index decides).
        for (;;) {
          const code = String(randomInt(200_000, 500_000))
          const [made] = await trx('agents')
            .insert({
              party_id: p.id,
              code,
              business_name: o.businessName,
              location: o.location,
              bank_account: o.bankAccount,
              float_threshold: o.floatThreshold,
              commission_tariff: o.commissionTariff,
            })
            .onConflict('code')
            .ignore()
            .returning('code')
          if (made) break
        }
        await auth.setSecret(trx, p.id, 'pin', o.pin)
        await ledger.openAccount(trx, { type: 'agent_float', currency, partyId: p.id })
        await audit.record(trx, {
          actorId: by,
          action: 'agent.onboard',
          targetType: 'party',
          targetId: p.id,
          details: {
            businessName: o.businessName,
            location: o.location,
            floatThreshold: o.floatThreshold,
            commissionTariff: o.commissionTariff,
          },
        })
        return (await get(trx, p.id))!
      })
    },

    async change(by: string, id: string, c: AgentChange): Promise<AdminAgent | AgentAdminError> {
      return db.transaction(async (trx) => {
        const row = await trx('agents').where({ party_id: id }).forUpdate().first('party_id')
        if (!row) return AgentAdminError.Unknown
        if (c.commissionTariff && !(await tariffKnown(trx, c.commissionTariff)))
          return AgentAdminError.UnknownTariff
        await trx('agents')
          .where({ party_id: id })
          .update({
            ...(c.businessName !== undefined ? { business_name: c.businessName } : {}),
            ...(c.location !== undefined ? { location: c.location } : {}),
            ...(c.bankAccount !== undefined ? { bank_account: c.bankAccount } : {}),
            ...(c.floatThreshold !== undefined ? { float_threshold: c.floatThreshold } : {}),
            ...(c.commissionTariff !== undefined ? { commission_tariff: c.commissionTariff } : {}),
          })
        if (c.businessName) await trx('parties').where({ id }).update({ display_name: c.businessName })
        await audit.record(trx, {
          actorId: by,
          action: 'agent.change',
          targetType: 'party',
          targetId: id,
          details: c,
        })
        return (await get(trx, id))!
      })
    },

    /** Suspending ends the agent's sessions; a suspended agent cannot sign in or serve customers. */
    async setSuspended(by: string, id: string, suspended: boolean, reason?: string) {
      return db.transaction(async (trx) => {
        const done = await suspend(trx, { auth, audit }, { kind: 'agent', id, suspended, reason, by })
        return done ? (await get(trx, id))! : AgentAdminError.Unknown
      })
    },

    async floatStatement(id: string, q: { cursor?: Cursor; limit: number }) {
      const page = await floatStatement(db, id, currency, { limit: q.limit, before: q.cursor?.id })
      const items = page.items.map((l) => ({
        entryId: l.postingId,
        transactionId: l.transactionId,
        type: l.type,
        amount: l.amount,
        balanceAfter: l.balanceAfter,
        createdAt: l.at,
      }))
      const last = items.at(-1)
      return {
        items,
        nextCursor:
          page.nextBefore && last ? encodeCursor({ at: last.createdAt, id: page.nextBefore }) : null,
      }
    },

    async commissionStatement(id: string, q: { cursor?: Cursor; limit: number }) {
      const { rows } = await db.raw(
        `SELECT p.id, e.transaction_id, t.type, t.amount, p.amount AS commission, p.created_at, ${cursorAt('p.created_at')}
         FROM postings p
         JOIN ledger_accounts a ON a.id = p.account_id AND a.party_id = ? AND a.type = 'commission_payable' AND a.currency = ?
         JOIN journal_entries e ON e.id = p.entry_id
         LEFT JOIN transactions t ON t.id = e.transaction_id
         ${q.cursor ? 'WHERE p.id < ?' : ''}
         ORDER BY p.id DESC LIMIT ?`,
        [id, currency, ...(q.cursor ? [q.cursor.id] : []), q.limit + 1],
      )
      const total = await db.raw(
        `SELECT coalesce(sum(b.available + b.held), 0)::bigint AS due FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
         WHERE a.party_id = ? AND a.type = 'commission_payable' AND a.currency = ?`,
        [id, currency],
      )
      return {
        rows: rows.map((r: Record<string, unknown>) => ({
          id: String(r.id),
          transactionId: (r.transaction_id as string | null) ?? null,
          type: (r.type as string | null) ?? null,
          amount: (r.amount as bigint | null) ?? null,
          commission: r.commission as bigint,
          createdAt: new Date(r.created_at as string).toISOString(),
          cursorAt: r.cursor_at as string,
        })),
        due: BigInt(total.rows[0].due),
      }
    },

    async commissionTariffs() {
      return (await db('commission_tariffs').orderBy('share_bps')).map((r) => ({
        code: r.code as string,
        name: r.name as string,
        shareBps: Number(r.share_bps),
      }))
    },
  }
}
export type AgentAdmin = ReturnType<typeof createAgentAdmin>
