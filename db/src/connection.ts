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
  return knexFactory({
    client: 'pg',
    connection: {
      connectionString: url,
      types,
      application_name: applicationName,
    } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 30_000,
  })
}
