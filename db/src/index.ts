export { connect, type Db, type Tx, type Executor, type ConnectOptions } from './connection'
export { migrateLatest, migrateRollback, migrateUp, migrationNames } from './migrator'
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded'
export { createTestDatabase, testDatabaseUrl, type TestDatabase } from './testing'
