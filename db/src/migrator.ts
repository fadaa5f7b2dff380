import type { Knex } from 'knex'
import { migrations } from './migrations/index'

// Migrations are listed in code rather than read from a folder, so the same list runs under tsx,
// vitest and a bundler, and the order is explicit.
const source: Knex.MigrationSource<string> = {
  getMigrations: async () => migrations.map((m) => m.name),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const m = migrations.find((x) => x.name === name)
    if (!m) throw new Error(`unknown migration ${name}`)
    return m
  },
}

/** What knex needs to find GoPay's migrations: used here and by db/knexfile.ts. */
export const migrationConfig = { migrationSource: source, tableName: 'knex_migrations' }
const config = migrationConfig

export const migrateLatest = (db: Knex) => db.migrate.latest(config)
export const migrateUp = (db: Knex) => db.migrate.up(config)
export const migrateRollback = (db: Knex, all = false) => db.migrate.rollback(config, all)
export const migrationNames = () => migrations.map((m) => m.name)
