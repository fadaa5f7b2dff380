export {
  connect,
  PoolQueryInTransactionError,
  type Db,
  type Tx,
  type Executor,
  type ConnectOptions,
} from './connection'
export { migrateLatest, migrateRollback, migrateUp, migrationNames } from './migrator'
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded'
export { createTestDatabase, createEmbeddedTestDatabase, testDatabaseUrl, type TestDatabase } from './testing'
