import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'

/**
 * A feature phone in the terminal: `npm run ussd -- --phone +254711000001 [--url …] [--code *384*55#]
 * [--key SECRET]`. It posts each hop exactly as Africa's Talking does (form fields, every input so far
 * joined by `*`) and shows each screen until the gateway ends the session; then it offers to dial again.
 */
const { values } = parseArgs({
  options: {
    phone: { type: 'string' },
    url: { type: 'string', default: process.env.USSD_URL ?? 'http://127.0.0.1:8081' },
    code: { type: 'string', default: '*384*55#' },
    key: { type: 'string', default: process.env.USSD_SHARED_SECRET },
    network: { type: 'string', default: '63902' },
  },
})
if (!values.phone || !/^\+[1-9]\d{7,14}$/.test(values.phone)) {
  console.error(
    'usage: npm run ussd -- --phone +254711000001 [--url http://127.0.0.1:8081] [--code *384*55#] [--key SECRET]',
  )
  process.exit(2)
}
const phone = values.phone
const endpoint = `${values.url!.replace(/\/$/, '')}/ussd${values.key ? `?key=${encodeURIComponent(values.key)}` : ''}`
const rl = createInterface({ input: process.stdin, output: process.stdout })

async function hop(sessionId: string, text: string): Promise<string> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      sessionId,
      serviceCode: values.code!,
      phoneNumber: phone,
      networkCode: values.network!,
      text,
    }),
  })
  const body = await res.text()
  if (res.status !== 200) return `END (the gateway answered ${res.status}) ${body}`
  return body
}

const frame = (screen: string) => {
  const lines = screen.slice(4).split('\n')
  const width = Math.max(24, ...lines.map((l) => l.length))
  console.log(`┌${'─'.repeat(width + 2)}┐`)
  for (const l of lines) console.log(`│ ${l.padEnd(width)} │`)
  console.log(`└${'─'.repeat(width + 2)}┘  (${screen.length} characters)`)
}

for (;;) {
  const dial = await rl.question(`\n${phone}: press Enter to dial ${values.code} (q to quit) `)
  if (dial.trim().toLowerCase() === 'q') break
  const sessionId = `SIM_${randomUUID()}`
  let text = ''
  let screen = await hop(sessionId, text).catch((e) => `END cannot reach ${endpoint}: ${e.message}`)
  let first = true
  while (true) {
    frame(screen)
    if (!screen.startsWith('CON ')) break
    const input = await rl.question('> ')
    text = first ? input : `${text}*${input}`
    first = false
    screen = await hop(sessionId, text).catch((e) => `END cannot reach ${endpoint}: ${e.message}`)
  }
}
rl.close()
