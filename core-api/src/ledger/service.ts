import { randomUUID } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'
import { fromSqlOutcome, LedgerError } from './errors'
import {
  defaultShards,
  noOverdraft,
  type AccountType,
  type Balance,
  type Posting,
  type TrialBalanceLine,
} from './model'

export interface PostInput {
  entryId?: string
  transactionId?: string
  currency: string
  postings: Posting[]
  description?: string
}

export interface LedgerService {
  openAccount(
    trx: Executor,
    a: { type: AccountType; currency: string; partyId?: string; shards?: number },
  ): Promise<bigint>
  /** A party's account of a type, opened on first use (an agent's accrued commissions, say). */
  partyAccount(trx: Executor, partyId: string, type: AccountType, currency: string): Promise<bigint>
  /** Opens GoPay's own accounts in a currency (fee revenue, bank settlement…); safe to repeat. */
  openSystemAccounts(currency: string): Promise<void>
  /** GoPay's own account of a type, read through the caller's transaction when there is one. */
  systemAccount(type: AccountType, currency: string, trx?: Executor): Promise<bigint>
  /** One balanced entry. An expected failure comes back before anything is written. */
  post(trx: Executor, input: PostInput): Promise<{ entryId: string } | LedgerError>
  /**
   * The `ledger_post(…)` call of an entry with its bindings, for a service that puts the posting in
   * one statement with its own writes (one round trip instead of several on the payment path).
   * The call answers 'ok' or one of the outcomes of `outcomeToError`.
   */
  postCall(input: PostInput & { entryId: string }): { sql: string; bindings: Array<string | null> }
  outcomeToError(outcome: string): LedgerError
  /** Reserves an amount for something an outside party must confirm; lowers `available`. */
  reserve(
    trx: Executor,
    h: { holdId?: string; accountId: bigint; amount: bigint; expiresAt: Date; transactionId?: string },
  ): Promise<{ holdId: string } | LedgerError>
  /** Settles a hold as an entry; the hold's account is debited from the reservation, the rest returns. */
  postHold(trx: Executor, holdId: string, input: PostInput): Promise<{ entryId: string } | LedgerError>
  voidHold(trx: Executor, holdId: string): Promise<void | LedgerError>
  /** A new entry mirroring the original and pointing at it; at most once per entry. */
  reverse(
    trx: Executor,
    r: { entryId: string; transactionId?: string; description?: string },
  ): Promise<{ entryId: string } | LedgerError>
  balance(accountId: bigint, trx?: Executor): Promise<Balance>
  trialBalance(trx?: Executor): Promise<TrialBalanceLine[]>
  /** Voids holds past their expiry; the job calls it. Returns how many it voided. */
  voidExpiredHolds(now?: Date, batch?: number): Promise<number>
}

const systemAccountTypes: AccountType[] = [
  'bank_settlement',
  'fee_revenue',
  'commission_expense',
  'airtime_provider',
  'suspense',
]

const ids = (p: Posting[]) => p.map((x) => x.accountId.toString())
const amounts = (p: Posting[]) => p.map((x) => x.amount.toString())

export function createLedgerService({ db }: { db: Db }): LedgerService {
  const systemAccounts = new Map<string, bigint>()

  async function openAccount(
    trx: Executor,
    a: { type: AccountType; currency: string; partyId?: string; shards?: number },
  ) {
    const { rows } = await trx.raw('SELECT ledger_open_account(?, ?, ?, ?, ?::smallint) AS id', [
      a.type,
      a.currency,
      a.partyId ?? null,
      noOverdraft[a.type],
      a.shards ?? defaultShards[a.type],
    ])
    return rows[0].id as bigint
  }

  async function callPost(
    trx: Executor,
    kind: string,
    input: PostInput,
    reverses: string | null,
    holdId: string | null,
  ) {
    const entryId = input.entryId ?? randomUUID()
    const { rows } = await trx.raw(
      'SELECT ledger_post(?, ?, ?, ?, ?::bigint[], ?::bigint[], ?, ?, ?) AS outcome',
      [
        entryId,
        input.transactionId ?? null,
        kind,
        input.currency,
        ids(input.postings),
        amounts(input.postings),
        reverses,
        holdId,
        input.description ?? null,
      ],
    )
    const outcome = rows[0].outcome as string
    return outcome === 'ok' ? { entryId } : (fromSqlOutcome[outcome] ?? unexpected(outcome))
  }

  const service: LedgerService = {
    openAccount,
    async openSystemAccounts(currency) {
      for (const type of systemAccountTypes) {
        await db.raw(
          `INSERT INTO ledger_accounts (type, currency, party_id, shard_count, no_overdraft)
           VALUES (?, ?, NULL, ?, ?) ON CONFLICT DO NOTHING`,
          [type, currency, defaultShards[type], noOverdraft[type]],
        )
        await db.raw(
          `INSERT INTO ledger_balances (account_id, shard, no_overdraft)
           SELECT a.id, s, a.no_overdraft FROM ledger_accounts a, generate_series(0, a.shard_count - 1) s
           WHERE a.party_id IS NULL AND a.type = ? AND a.currency = ? ON CONFLICT DO NOTHING`,
          [type, currency],
        )
      }
    },
    async partyAccount(trx, partyId, type, currency) {
      const find = async () =>
        (await trx('ledger_accounts').where({ party_id: partyId, type, currency }).first('id'))?.id as
          bigint | undefined
      const existing = await find()
      if (existing !== undefined) return existing
      const { rows } = await trx.raw(
        `WITH opened AS (
           INSERT INTO ledger_accounts (type, currency, party_id, shard_count, no_overdraft)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (party_id, type, currency) WHERE party_id IS NOT NULL DO NOTHING
           RETURNING id, shard_count, no_overdraft),
         shards AS (
           INSERT INTO ledger_balances (account_id, shard, no_overdraft)
           SELECT o.id, s, o.no_overdraft FROM opened o, generate_series(0, o.shard_count - 1) s)
         SELECT id FROM opened`,
        [type, currency, partyId, defaultShards[type], noOverdraft[type]],
      )
      if (rows[0]) return rows[0].id as bigint
      // Another transaction created it first: the insert waited for it to commit and did nothing. A
      // read inside that same statement would use the statement's older snapshot and miss the row;
      // this new statement sees it (READ COMMITTED).
      const created = await find()
      if (created === undefined) throw new Error(`account ${type} of ${partyId} neither created nor found`)
      return created
    },
    async systemAccount(type, currency, trx = db) {
      const key = `${type}:${currency}`
      const hit = systemAccounts.get(key)
      if (hit !== undefined) return hit
      const row = await trx('ledger_accounts').whereNull('party_id').where({ type, currency }).first('id')
      if (!row)
        throw new Error(`system account ${key} is not open: call openSystemAccounts('${currency}') at start`)
      systemAccounts.set(key, row.id)
      return row.id as bigint
    },
    post: (trx, input) => callPost(trx, 'transfer', input, null, null),
    postCall: (input) => ({
      sql: 'ledger_post(?, ?, ?, ?, ?::bigint[], ?::bigint[], NULL, NULL, ?)',
      bindings: [
        input.entryId,
        input.transactionId ?? null,
        'transfer',
        input.currency,
        `{${ids(input.postings).join(',')}}`,
        `{${amounts(input.postings).join(',')}}`,
        input.description ?? null,
      ],
    }),
    outcomeToError: (outcome) => fromSqlOutcome[outcome] ?? unexpected(outcome),
    postHold: (trx, holdId, input) => callPost(trx, 'hold_settlement', input, null, holdId),
    async reserve(trx, h) {
      const holdId = h.holdId ?? randomUUID()
      const { rows } = await trx.raw('SELECT ledger_reserve(?, ?, ?, ?, ?) AS outcome', [
        holdId,
        h.accountId.toString(),
        h.amount.toString(),
        h.expiresAt,
        h.transactionId ?? null,
      ])
      const outcome = rows[0].outcome as string
      return outcome === 'ok' ? { holdId } : (fromSqlOutcome[outcome] ?? unexpected(outcome))
    },
    async voidHold(trx, holdId) {
      const { rows } = await trx.raw('SELECT ledger_void(?) AS outcome', [holdId])
      const outcome = rows[0].outcome as string
      if (outcome !== 'ok') return fromSqlOutcome[outcome] ?? unexpected(outcome)
    },
    async reverse(trx, r) {
      const entry = await trx('journal_entries').where({ id: r.entryId }).first('currency', 'kind')
      if (!entry) return LedgerError.UnknownEntry
      // Checked first so a second reversal says so even when balances have moved since; the unique
      // index on reverses_entry_id still decides a race between two reversals.
      if (await trx('journal_entries').where({ reverses_entry_id: r.entryId }).first('id'))
        return LedgerError.AlreadyReversed
      const postings = await trx('postings')
        .where({ entry_id: r.entryId })
        .orderBy('id')
        .select('account_id', 'amount')
      return callPost(
        trx,
        'reversal',
        {
          transactionId: r.transactionId,
          currency: entry.currency,
          postings: postings.map((p) => ({
            accountId: p.account_id as bigint,
            amount: -(p.amount as bigint),
          })),
          description: r.description,
        },
        r.entryId,
        null,
      )
    },
    async balance(accountId, trx = db) {
      const row = await trx('ledger_balances')
        .where({ account_id: accountId.toString() })
        .first(
          trx.raw('coalesce(sum(available), 0)::bigint AS available'),
          trx.raw('coalesce(sum(held), 0)::bigint AS held'),
        )
      const available = row.available as bigint
      const held = row.held as bigint
      return { balance: available + held, available, held }
    },
    async trialBalance(trx = db) {
      const { rows } = await trx.raw(`
        WITH totals AS (
          SELECT currency,
                 coalesce(sum(-amount) FILTER (WHERE amount < 0), 0)::bigint AS debits,
                 coalesce(sum(amount) FILTER (WHERE amount > 0), 0)::bigint AS credits
          FROM postings GROUP BY currency),
        posted AS (SELECT account_id, sum(amount)::bigint AS total FROM postings GROUP BY account_id),
        stored AS (SELECT account_id, sum(available + held)::bigint AS total FROM ledger_balances GROUP BY account_id),
        mismatched AS (
          SELECT a.currency, count(*) AS n FROM ledger_accounts a
          LEFT JOIN posted p ON p.account_id = a.id LEFT JOIN stored s ON s.account_id = a.id
          WHERE coalesce(p.total, 0) <> coalesce(s.total, 0) GROUP BY a.currency)
        SELECT t.currency, t.debits, t.credits, coalesce(m.n, 0) AS mismatched
        FROM totals t LEFT JOIN mismatched m USING (currency) ORDER BY t.currency`)
      return rows.map((r: { currency: string; debits: bigint; credits: bigint; mismatched: bigint }) => ({
        currency: r.currency,
        debits: r.debits,
        credits: r.credits,
        balanced: r.debits === r.credits,
        balancesMatchPostings: r.mismatched === 0n,
      }))
    },
    async voidExpiredHolds(now = new Date(), batch = 100) {
      let voided = 0
      for (;;) {
        const done = await db.transaction(async (trx) => {
          const due = await trx('ledger_holds')
            .where('status', 'pending')
            .where('expires_at', '<', now)
            .orderBy('expires_at')
            .limit(batch)
            .forUpdate()
            .skipLocked()
            .select('id', 'transaction_id')
          for (const h of due) {
            if ((await service.voidHold(trx, h.id)) === undefined && h.transaction_id)
              await trx('transactions')
                .where({ id: h.transaction_id, status: 'pending' })
                .update({
                  status: 'failed',
                  updated_at: trx.fn.now(),
                  metadata: trx.raw(`metadata || '{"failure":"expired"}'`),
                })
          }
          return due.length
        })
        voided += done
        if (done < batch) return voided
      }
    },
  }
  return service
}

function unexpected(outcome: string): never {
  throw new Error(`ledger answered an unknown outcome: ${outcome}`)
}
