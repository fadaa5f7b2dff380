export { startAdminWeb, type AdminWeb, type AdminWebOptions } from './server/server'
export { buildAdminWeb, defaultDistDir, isStale } from './server/build'
