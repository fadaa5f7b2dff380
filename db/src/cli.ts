import { connect } from './connection'
import { migrateLatest, migrateRollback } from './migrator'

// `npm run db:migrate` / `npm run db:rollback [-- --all]` against DATABASE_URL.
const [command, ...args] = process.argv.slice(2)
const url = process.env.DATABASE_URL
if (!url) {
  console.error(
    'DATABASE_URL is not set: point it at the PostgreSQL to migrate (npm start migrates the embedded one itself).',
  )
  process.exit(2)
}
const db = connect({ url, poolMax: 1 })
try {
  if (command === 'migrate') {
    const [, applied] = await migrateLatest(db)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date')
  } else if (command === 'rollback') {
    const [, undone] = await migrateRollback(db, args.includes('--all'))
    console.log(undone.length ? `rolled back: ${undone.join(', ')}` : 'nothing to roll back')
  } else {
    console.error('usage: cli.ts migrate | rollback [--all]')
    process.exitCode = 2
  }
} finally {
  await db.destroy()
}
