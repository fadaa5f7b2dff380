import { createHash, randomBytes } from 'node:crypto'
import { connect, type Db } from './connection'
import { startEmbeddedPostgres } from './embedded'
import { migrateLatest } from './migrator'
import { migrations } from './migrations/index'

/** The PostgreSQL the tests run against, or undefined: tests that need it then skip and say so. */
export const testDatabaseUrl = (): string | undefined => process.env.DATABASE_URL || undefined

export interface TestDatabase {
  url: string
  db: Db
  drop(): Promise<void>
}

function withDatabase(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

// A migrated template per migration set (keyed by the migrations' source, so an edited migration
// gets a new template); each test file gets a fresh copy of it in milliseconds.
async function ensureTemplate(admin: Db, baseUrl: string): Promise<string> {
  const source = migrations.map((m) => `${m.name}\n${m.up.toString()}\n${m.down.toString()}`).join('\n')
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 12)
  const template = `gopay_template_${digest}`
  await admin.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(424242)')
    const exists = await trx.raw('SELECT 1 FROM pg_database WHERE datname = ?', [template])
    if (exists.rows.length) return
    // CREATE DATABASE cannot run in a transaction block: on a connection of its own, while this one
    // holds the lock.
    const server = connect({ url: baseUrl, poolMax: 1 })
    try {
      await server.raw(`CREATE DATABASE ${template}`)
      const db = connect({ url: withDatabase(baseUrl, template), poolMax: 1 })
      try {
        await migrateLatest(db)
      } catch (err) {
        await db.destroy()
        await server.raw(`DROP DATABASE ${template}`)
        throw err
      }
      await db.destroy()
    } finally {
      await server.destroy()
    }
  })
  return template
}

export async function createTestDatabase(
  opts: { poolMax?: number; migrated?: boolean } = {},
): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl()
  if (!baseUrl) throw new Error('DATABASE_URL is not set')
  const admin = connect({ url: baseUrl, poolMax: 2 })
  const name = `gopay_test_${randomBytes(6).toString('hex')}`
  try {
    if (opts.migrated === false) {
      await admin.raw(`CREATE DATABASE ${name}`)
    } else {
      const template = await ensureTemplate(admin, baseUrl)
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`)
          break
        } catch (err) {
          // Another worker copying the same template at this instant: try again shortly.
          if (attempt > 20 || !String(err).includes('being accessed by other users')) throw err
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
        }
      }
    }
  } finally {
    await admin.destroy()
  }
  const url = withDatabase(baseUrl, name)
  const db = connect({ url, poolMax: opts.poolMax ?? 10 })
  return {
    url,
    db,
    async drop() {
      await db.destroy()
      const a = connect({ url: baseUrl, poolMax: 1 })
      await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await a.destroy()
    },
  }
}

/**
 * A migrated database on the embedded PGlite (what `npm start` runs without DATABASE_URL): needs no
 * server, so tests on it always run.
 */
export async function createEmbeddedTestDatabase(opts: { poolMax?: number } = {}): Promise<TestDatabase> {
  const pg = await startEmbeddedPostgres({ maxConnections: 16 })
  const db = connect({ url: pg.url, poolMax: opts.poolMax ?? 10 })
  try {
    await migrateLatest(db)
  } catch (err) {
    await db.destroy()
    await pg.stop()
    throw err
  }
  return {
    url: pg.url,
    db,
    async drop() {
      await db.destroy()
      await pg.stop()
    },
  }
}
