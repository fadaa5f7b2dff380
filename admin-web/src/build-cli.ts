import { buildAdminWeb } from './server/build'

// `npm run build -w admin-web`: the page into admin-web/dist (npm start builds it too when stale).
console.log(`built ${await buildAdminWeb({ force: true })}`)
