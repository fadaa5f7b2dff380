import { AsyncLocalStorage } from 'node:async_hooks'
import knexFactory, { type Knex } from 'knex'
import pg from 'pg'

export type Db = Knex
export type Tx = Knex.Transaction
/** A query runner: the pool itself or a transaction passed down the calls. */
export type Executor = Knex | Knex.Transaction

// int8 and numeric (sums of int8) come back as bigint, never as a float or a string.
const parseBigInt = (v: string) => BigInt(v)
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return parseBigInt
    return pg.types.getTypeParser(oid, format)
  },
}

export interface ConnectOptions {
  url: string
  poolMax?: number
  applicationName?: string
}

/** One pool per caller; nothing global. */
export function connect({ url, poolMax = 10, applicationName = 'gopay' }: ConnectOptions): Db {
  const db = knexFactory({
    client: 'pg',
    connection: {
      connectionString: url,
      types,
      application_name: applicationName,
    } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 30_000,
  })
  guardTransactions(db)
  return db
}

/** Thrown when code that holds a transaction queries the pool (or opens a second transaction on it). */
export class PoolQueryInTransactionError extends Error {
  override name = 'PoolQueryInTransactionError'
}

/**
 * Code that holds a transaction must run every query through it (the `trx` passed down as first
 * parameter). A query on the pool meanwhile runs outside the transaction on PostgreSQL, and waits
 * forever on the embedded PGlite, whose one backend belongs to the open transaction until it ends.
 * So each `db.transaction(cb)` marks its async context while `cb` runs, and a query on the pool, or a
 * second top-level transaction, from that context fails at once, naming its SQL.
 */
function sqlOf(builder: { toSQL(): { sql?: string } | Array<{ sql?: string }> }) {
  try {
    const q = builder.toSQL()
    return (Array.isArray(q) ? q.map((x) => x.sql).join('; ') : (q.sql ?? '')).slice(0, 200)
  } catch {
    return 'its SQL unknown'
  }
}

function guardTransactions(db: Knex) {
  const held = new AsyncLocalStorage<{ open: boolean }>()
  const refuse = (what: string) => {
    const err = new PoolQueryInTransactionError(
      `${what} while this code holds a transaction: run it on the transaction (trx) instead`,
    )
    if (process.env.GOPAY_TRACE_POOL_IN_TRANSACTION) console.error(err)
    return err
  }
  // Transactions and their savepoints run their queries on a client of their own (knex makes one per
  // transaction, holding its connection); the root client runs the pool's. Refused when the query is
  // made (naming its SQL, without the values), and as a backstop when a connection is taken.
  const client = db.client as {
    runner(builder: { toSQL(): { sql?: string } | Array<{ sql?: string }> }): unknown
    acquireConnection(): Promise<unknown>
  }
  const runner = client.runner.bind(client)
  client.runner = (builder) => {
    if (held.getStore()?.open) throw refuse(`A query on the pool (${sqlOf(builder)})`)
    return runner(builder)
  }
  const acquire = client.acquireConnection.bind(client)
  client.acquireConnection = () =>
    held.getStore()?.open ? Promise.reject(refuse('A query on the pool')) : acquire()
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown
  Object.defineProperty(db, 'transaction', {
    configurable: true,
    value(container?: unknown, config?: unknown) {
      if (held.getStore()?.open) return Promise.reject(refuse('A second transaction on the pool'))
      // Without a callback the caller commits by hand: nothing to mark.
      if (typeof container !== 'function') return transaction(container, config)
      const mark = { open: false }
      return held.run(mark, () =>
        // Marked once it holds its connection (taking that one from the pool is what it should do).
        transaction(async (trx: Knex.Transaction) => {
          mark.open = true
          try {
            return await (container as (trx: Knex.Transaction) => unknown)(trx)
          } finally {
            // Work it left running (fire and forget) may use the pool once the transaction is over.
            mark.open = false
          }
        }, config),
      )
    },
  })
}
