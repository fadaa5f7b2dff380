import knexFactory from 'knex'
import { afterAll, describe, expect, it } from 'vitest'
import knexfile from '../knexfile'
import { migrateLatest, migrateRollback, migrateUp, migrationNames } from './migrator'
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './testing'

const tables = async (t: TestDatabase) =>
  (
    await t.db.raw(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'knex_%' ORDER BY 1`,
    )
  ).rows.map((r: { tablename: string }) => r.tablename)

describe.skipIf(!testDatabaseUrl())('migrations', () => {
  const made: TestDatabase[] = []
  afterAll(async () => {
    await Promise.all(made.map((t) => t.drop()))
  })

  it.each(migrationNames().map((_, i) => i))(
    'reach the latest version from a database at version %i',
    async (steps) => {
      const t = await createTestDatabase({ migrated: false, poolMax: 1 })
      made.push(t)
      for (let i = 0; i < steps; i++) await migrateUp(t.db)
      const [, applied] = await migrateLatest(t.db)
      expect(applied).toEqual(migrationNames().slice(steps))
      expect(await tables(t)).toEqual(
        expect.arrayContaining([
          'parties',
          'ledger_accounts',
          'postings',
          'idempotency_keys',
          'outbox',
          'audit_log',
          'tier_limits',
          'fee_tariffs',
        ]),
      )
    },
  )

  it('roll back to empty and forward again', async () => {
    const t = await createTestDatabase({ migrated: false, poolMax: 1 })
    made.push(t)
    await migrateLatest(t.db)
    const full = await tables(t)
    await migrateRollback(t.db, true)
    expect(await tables(t)).toEqual([])
    await migrateLatest(t.db)
    expect(await tables(t)).toEqual(full)
    const { rows } = await t.db.raw('SELECT count(*)::int AS n FROM tier_limits')
    expect(rows[0].n).toBe(3)
  })

  it('the knexfile sees the same migrations, none pending after migrating', async () => {
    const t = await createTestDatabase({ poolMax: 1 })
    made.push(t)
    const k = knexFactory({ ...knexfile, connection: t.url })
    const [done, pending] = await k.migrate.list(knexfile.migrations)
    await k.destroy()
    expect(done.map((m: { name: string }) => m.name)).toEqual(migrationNames())
    expect(pending).toEqual([])
  })
})
