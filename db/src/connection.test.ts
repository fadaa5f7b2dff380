import { describe, expect, it } from 'vitest'
import { connect, PoolQueryInTransactionError } from './connection'
import { testDatabaseUrl } from './testing'

// The guard that finds code querying the pool while it holds a transaction (a hang on the embedded
// PGlite, a query outside the transaction on PostgreSQL).
describe.skipIf(!testDatabaseUrl())('a query on the pool while holding a transaction', () => {
  const withDb = async (fn: (db: ReturnType<typeof connect>) => Promise<void>) => {
    const db = connect({ url: testDatabaseUrl()!, poolMax: 4 })
    try {
      await fn(db)
    } finally {
      await db.destroy()
    }
  }

  it('fails at once, naming its SQL, and rolls the transaction back', () =>
    withDb(async (db) => {
      const err = await db
        .transaction(async (trx) => {
          await trx.raw('select 1')
          await db.raw('select 2 as on_the_pool')
        })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PoolQueryInTransactionError)
      expect(String(err)).toContain('A query on the pool (select 2 as on_the_pool)')
    }))

  it('refuses a second top-level transaction opened from inside one', () =>
    withDb(async (db) => {
      const err = await db
        .transaction(async () => {
          await db.transaction((inner) => inner.raw('select 1'))
        })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PoolQueryInTransactionError)
    }))

  it('lets the transaction, its savepoints, other requests and later work use what they should', () =>
    withDb(async (db) => {
      let later: Promise<unknown> = Promise.resolve()
      const concurrent = db.raw('select pg_sleep(0.05)')
      const n = await db.transaction(async (trx) => {
        await trx.transaction((sp) => sp.raw('select 1'))
        // Started inside, runs on the pool after the commit: allowed.
        later = new Promise((r) => setTimeout(r, 20)).then(() => db.raw('select 3'))
        const r = await trx.raw('select 4 as n')
        return r.rows[0].n as number
      })
      expect(n).toBe(4)
      await expect(later).resolves.toBeTruthy()
      await expect(concurrent).resolves.toBeTruthy()
      await expect(db.raw('select 5')).resolves.toBeTruthy()
    }))
})
