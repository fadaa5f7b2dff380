import { connect } from '@gopay/db'
import { createAuditService } from './service'

// `npm run audit:verify`: checks the audit log's hash chain in DATABASE_URL. Exit 0 when it holds;
// otherwise 1 and the id of the first broken row.
const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is not set: name the database whose audit log to check.')
  process.exit(2)
}
const db = connect({ url, poolMax: 1, applicationName: 'gopay-audit-verify' })
try {
  const r = await createAuditService({ db }).verify()
  if (r.ok) console.log(`audit chain holds: ${r.checked} rows checked`)
  else console.log(`audit chain broken at row ${r.firstBrokenId} (${r.checked} rows checked)`)
  process.exitCode = r.ok ? 0 : 1
} catch (err) {
  console.error(`could not check the audit log: ${String(err)}`)
  process.exitCode = 1
} finally {
  await db.destroy()
}
