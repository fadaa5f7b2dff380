export {}
// `npm run bench -- NAME…`: runs the named benchmarks (all when none is named). Each prints its
// figures as `name: value unit` lines.
const benches: Record<string, () => Promise<void>> = {
  ledger: async () => (await import('./ledger')).benchLedger(),
  printer: async () => (await import('./printer')).benchPrinter(),
  ussd: async () => (await import('./ussd')).benchUssd(),
  terminal: async () => (await import('./terminal')).benchTerminal(),
  admin: async () => (await import('./admin')).benchAdmin(),
}
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const unknown = wanted.filter((w) => !benches[w])
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`)
  process.exit(2)
}
for (const name of wanted.length ? wanted : Object.keys(benches)) await benches[name]!()
