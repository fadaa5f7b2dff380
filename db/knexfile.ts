import type { Knex } from 'knex'
import { migrationConfig } from './src/migrator'

// For the knex CLI and tools that expect a knexfile. GoPay's own commands (npm run db:migrate,
// db:rollback, npm start) use the same migrations through src/migrator.ts.
const config: Knex.Config = {
  client: 'pg',
  connection: process.env.DATABASE_URL,
  migrations: migrationConfig,
}

export default config
