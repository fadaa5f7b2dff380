import { connect, migrateLatest } from '@gopay/db'
import { createServices } from '../app'
import { loadConfig } from '../config'
import { seedDemo } from './seed'

// `npm run seed:demo`: CONTRACT.md's demo data into an empty DATABASE_URL.
const config = loadConfig({ ...process.env, GOPAY_DEMO: '1' })
const db = connect({ url: config.databaseUrl, poolMax: 2 })
try {
  await migrateLatest(db)
  const seeded = await seedDemo(createServices(db, config), config)
  console.log(seeded ? 'demo data seeded' : 'the database already has data; nothing seeded')
} finally {
  await db.destroy()
}
