import type { Knex } from 'knex'

/**
 * Where an agent's or till's row is the one named: by its number, or by the old-style code kept as its
 * alias (AG001, MC001). `table` is the table or its alias in the query. The one way flows find one.
 */
export const numberOrAlias =
  (table: string, named: string) =>
  (q: Knex.QueryBuilder): void => {
    q.where(`${table}.code`, named).orWhere(`${table}.alias`, named)
  }
