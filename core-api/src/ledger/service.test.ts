import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@gopay/db'
import { needsDatabase } from '../testing/harness'
import { isLedgerError, LedgerError } from './errors'
import { createLedgerService, type LedgerService } from './service'

describe.skipIf(needsDatabase)('ledger', () => {
  let tdb: TestDatabase
  let ledger: LedgerService
  let bank: bigint
  beforeAll(async () => {
    tdb = await createTestDatabase()
    ledger = createLedgerService({ db: tdb.db })
    await ledger.openSystemAccounts('KES')
    bank = await ledger.systemAccount('bank_settlement', 'KES')
  })
  afterAll(async () => {
    await tdb?.drop()
  })

  // An account needs an owner: a bare party row is enough for the ledger.
  const openFor = async (
    trx: import('@gopay/db').Executor,
    type: 'user_wallet' | 'merchant',
    currency: string,
  ) => {
    const [party] = await trx('parties')
      .insert({ kind: type === 'merchant' ? 'merchant' : 'user', roles: [], display_name: 'ledger test' })
      .returning('id')
    return ledger.openAccount(trx, { type, currency, partyId: party.id })
  }
  const wallet = (type: 'user_wallet' | 'merchant' = 'user_wallet', currency = 'KES') =>
    tdb.db.transaction((trx) => openFor(trx, type, currency))
  const post = (postings: Array<[bigint, bigint]>, currency = 'KES') =>
    tdb.db.transaction((trx) =>
      ledger.post(trx, {
        currency,
        postings: postings.map(([accountId, amount]) => ({ accountId, amount })),
      }),
    )

  it('refuses an unbalanced entry, a single posting, and postings across currencies', async () => {
    const w = await wallet()
    const usd = await wallet('user_wallet', 'USD')
    await expect(
      post([
        [bank, -100n],
        [w, 99n],
      ]),
    ).rejects.toThrow(/sum to zero/)
    await expect(
      post([
        [w, 0n],
        [bank, 0n],
      ]),
    ).rejects.toThrow(/non-zero/)
    await expect(
      tdb.db.transaction((trx) =>
        ledger.post(trx, { currency: 'KES', postings: [{ accountId: w, amount: 1n }] }),
      ),
    ).rejects.toThrow(/two or more/)
    await expect(
      post([
        [bank, -100n],
        [usd, 100n],
      ]),
    ).rejects.toThrow(/is in USD/)
    await expect(
      post([
        [bank, -100n],
        [987_654_321n, 100n],
      ]),
    ).rejects.toThrow(/foreign key/)
    expect((await ledger.balance(w)).balance).toBe(0n)
  })

  it('entries are immutable in the database; a reversal mirrors the original once', async () => {
    const w = await wallet()
    const r = await post([
      [bank, -500n],
      [w, 500n],
    ])
    if (isLedgerError(r)) throw new Error(r)
    await expect(tdb.db('postings').where({ entry_id: r.entryId }).update({ amount: 1 })).rejects.toThrow(
      /immutable/,
    )
    await expect(tdb.db('journal_entries').where({ id: r.entryId }).delete()).rejects.toThrow(/immutable/)
    const rev = await tdb.db.transaction((trx) => ledger.reverse(trx, { entryId: r.entryId }))
    expect(isLedgerError(rev)).toBe(false)
    expect((await ledger.balance(w)).balance).toBe(0n)
    expect(await tdb.db.transaction((trx) => ledger.reverse(trx, { entryId: r.entryId }))).toBe(
      LedgerError.AlreadyReversed,
    )
    const entry = await tdb.db('journal_entries').where({ reverses_entry_id: r.entryId }).first()
    expect(entry.kind).toBe('reversal')
  })

  it('the database itself refuses to overdraw a wallet, whatever the code does', async () => {
    const w = await wallet()
    await expect(
      tdb.db('ledger_balances').where({ account_id: w.toString() }).update({ available: -1 }),
    ).rejects.toThrow(/balance_not_overdrawn/)
  })

  it('holds lower available, then post (partly) or void; an expired hold is voided by the job', async () => {
    const w = await wallet()
    await post([
      [bank, -1_000n],
      [w, 1_000n],
    ])
    const h = await tdb.db.transaction((trx) =>
      ledger.reserve(trx, { accountId: w, amount: 600n, expiresAt: new Date(Date.now() + 60_000) }),
    )
    if (isLedgerError(h)) throw new Error(h)
    expect(await ledger.balance(w)).toEqual({ balance: 1_000n, available: 400n, held: 600n })
    expect(
      await tdb.db.transaction((trx) =>
        ledger.reserve(trx, { accountId: w, amount: 500n, expiresAt: new Date() }),
      ),
    ).toBe(LedgerError.InsufficientFunds)
    const settled = await tdb.db.transaction((trx) =>
      ledger.postHold(trx, h.holdId, {
        currency: 'KES',
        postings: [
          { accountId: w, amount: -450n },
          { accountId: bank, amount: 450n },
        ],
      }),
    )
    expect(isLedgerError(settled)).toBe(false)
    expect(await ledger.balance(w)).toEqual({ balance: 550n, available: 550n, held: 0n })
    expect(await tdb.db.transaction((trx) => ledger.voidHold(trx, h.holdId))).toBe(LedgerError.HoldNotPending)
    const stale = await tdb.db.transaction((trx) =>
      ledger.reserve(trx, { accountId: w, amount: 100n, expiresAt: new Date(Date.now() - 1_000) }),
    )
    expect(isLedgerError(stale)).toBe(false)
    expect((await ledger.balance(w)).available).toBe(450n)
    expect(await ledger.voidExpiredHolds()).toBeGreaterThanOrEqual(1)
    expect(await ledger.balance(w)).toEqual({ balance: 550n, available: 550n, held: 0n })
  })

  it('a sharded account is drained across its shards and never below zero', async () => {
    const m = await wallet('merchant')
    for (let i = 0; i < 20; i++)
      await post([
        [bank, -10n],
        [m, 10n],
      ])
    const shards = await tdb.db('ledger_balances').where({ account_id: m.toString() }).select('available')
    expect(shards.length).toBe(32)
    expect(
      await post([
        [m, -201n],
        [bank, 201n],
      ]),
    ).toBe(LedgerError.InsufficientFunds)
    expect(
      isLedgerError(
        await post([
          [m, -200n],
          [bank, 200n],
        ]),
      ),
    ).toBe(false)
    expect((await ledger.balance(m)).balance).toBe(0n)
  })

  it('random sequences of opens, transfers, holds, posts, voids and reversals keep every invariant', async () => {
    type Op =
      | { kind: 'open'; merchant: boolean }
      | { kind: 'fund'; to: number; amount: number }
      | { kind: 'transfer'; from: number; to: number; amount: number }
      | { kind: 'reserve'; from: number; amount: number }
      | { kind: 'settle'; hold: number; part: number }
      | { kind: 'void'; hold: number }
      | { kind: 'reverse'; entry: number }
    const idx = fc.nat({ max: 50 })
    const amt = fc.integer({ min: 1, max: 5_000 })
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('open' as const), merchant: fc.boolean() }),
      fc.record({ kind: fc.constant('fund' as const), to: idx, amount: amt }),
      fc.record({ kind: fc.constant('transfer' as const), from: idx, to: idx, amount: amt }),
      fc.record({ kind: fc.constant('reserve' as const), from: idx, amount: amt }),
      fc.record({ kind: fc.constant('settle' as const), hold: idx, part: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ kind: fc.constant('void' as const), hold: idx }),
      fc.record({ kind: fc.constant('reverse' as const), entry: idx }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const accounts: bigint[] = [await wallet(), await wallet()]
        const holds: Array<{ id: string; account: bigint; amount: bigint }> = []
        const entries: string[] = []
        const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!
        for (const o of ops) {
          const r = await tdb.db.transaction(async (trx) => {
            switch (o.kind) {
              case 'open':
                accounts.push(await openFor(trx, o.merchant ? 'merchant' : 'user_wallet', 'KES'))
                return
              case 'fund':
                return ledger.post(trx, {
                  currency: 'KES',
                  postings: [
                    { accountId: bank, amount: -BigInt(o.amount) },
                    { accountId: pick(accounts, o.to), amount: BigInt(o.amount) },
                  ],
                })
              case 'transfer': {
                const from = pick(accounts, o.from)
                const to = pick(accounts, o.to)
                if (from === to) return
                return ledger.post(trx, {
                  currency: 'KES',
                  postings: [
                    { accountId: from, amount: -BigInt(o.amount) },
                    { accountId: to, amount: BigInt(o.amount) },
                  ],
                })
              }
              case 'reserve': {
                const account = pick(accounts, o.from)
                const h = await ledger.reserve(trx, {
                  accountId: account,
                  amount: BigInt(o.amount),
                  expiresAt: new Date(Date.now() + 60_000),
                })
                if (!isLedgerError(h)) holds.push({ id: h.holdId, account, amount: BigInt(o.amount) })
                return h
              }
              case 'settle': {
                if (!holds.length) return
                const h = pick(holds, o.hold)
                const amount = (h.amount * BigInt(o.part)) / 100n || 1n
                return ledger.postHold(trx, h.id, {
                  currency: 'KES',
                  postings: [
                    { accountId: h.account, amount: -amount },
                    { accountId: bank, amount },
                  ],
                })
              }
              case 'void':
                if (!holds.length) return
                return ledger.voidHold(trx, pick(holds, o.hold).id)
              case 'reverse':
                if (!entries.length) return
                return ledger.reverse(trx, { entryId: pick(entries, o.entry) })
            }
          })
          if (r && typeof r === 'object' && 'entryId' in r) entries.push(r.entryId)
        }
        // Every entry sums to zero and has two or more postings.
        const unbalanced = await tdb.db.raw(
          'SELECT entry_id FROM postings GROUP BY entry_id HAVING sum(amount) <> 0 OR count(*) < 2',
        )
        expect(unbalanced.rows).toEqual([])
        const tb = await ledger.trialBalance()
        expect(tb.every((c) => c.balanced && c.balancesMatchPostings)).toBe(true)
        // No wallet below zero, no negative hold, and held equals the pending holds.
        const negative = await tdb
          .db('ledger_balances')
          .where('no_overdraft', true)
          .andWhere((q) => q.where('available', '<', 0).orWhere('held', '<', 0))
          .count({ n: '*' })
          .first()
        expect(negative!.n).toBe(0n)
        const heldMismatch = await tdb.db.raw(`
          SELECT b.account_id FROM ledger_balances b
          LEFT JOIN (SELECT account_id, sum(amount) s FROM ledger_holds WHERE status = 'pending' GROUP BY account_id) h USING (account_id)
          WHERE b.shard = 0 AND b.held <> coalesce(h.s, 0)`)
        expect(heldMismatch.rows).toEqual([])
      }),
      { numRuns: 40 },
    )
  })

  it('an entry id is written once: a second post with the same id is refused', async () => {
    const w = await wallet()
    const entryId = randomUUID()
    await tdb.db.transaction((trx) =>
      ledger.post(trx, {
        entryId,
        currency: 'KES',
        postings: [
          { accountId: bank, amount: -5n },
          { accountId: w, amount: 5n },
        ],
      }),
    )
    await expect(
      tdb.db.transaction((trx) =>
        ledger.post(trx, {
          entryId,
          currency: 'KES',
          postings: [
            { accountId: bank, amount: -5n },
            { accountId: w, amount: 5n },
          ],
        }),
      ),
    ).rejects.toThrow()
    expect((await ledger.balance(w)).balance).toBe(5n)
  })
  it('a party account opened on first use comes back to every caller, whoever created it', async () => {
    const [party] = await tdb
      .db('parties')
      .insert({ kind: 'agent', roles: [], display_name: 'first commissions' })
      .returning('id')
    // The first caller creates the account and keeps its transaction open; the second waits on the
    // unique index, then finds the account the first committed.
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let created!: (id: bigint) => void
    const first = new Promise<bigint>((r) => (created = r))
    const opener = tdb.db.transaction(async (trx) => {
      created(await ledger.partyAccount(trx, party.id, 'commission_payable', 'KES'))
      await held
    })
    const firstId = await first
    const second = tdb.db.transaction((trx) =>
      ledger.partyAccount(trx, party.id, 'commission_payable', 'KES'),
    )
    await new Promise((r) => setTimeout(r, 200))
    release()
    await opener
    expect(await second).toBe(firstId)
    // Many at once on fresh parties: every caller gets the one account.
    const parties = await tdb
      .db('parties')
      .insert(Array.from({ length: 5 }, (_, i) => ({ kind: 'agent', roles: [], display_name: `race ${i}` })))
      .returning('id')
    const ids = await Promise.all(
      parties.flatMap((p) =>
        Array.from({ length: 4 }, () =>
          tdb.db.transaction((trx) => ledger.partyAccount(trx, p.id, 'commission_payable', 'KES')),
        ),
      ),
    )
    for (let i = 0; i < parties.length; i++)
      expect(new Set(ids.slice(i * 4, i * 4 + 4)).size, `party ${i}: ${ids.slice(i * 4, i * 4 + 4)}`).toBe(1)
    expect(ids.every((id) => typeof id === 'bigint')).toBe(true)
  })
})
