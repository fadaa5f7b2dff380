import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { line, summarise } from './stats'

/**
 * The counter's speed: from the amount typed (the operator presses Next) to the receipt out of a
 * virtual printer reading at 115200 baud (8N1, 11,520 bytes/s), over 50 cash-ins: the customer
 * look-up, the name on the customer display, the cash-in on the real core (PostgreSQL), the receipt
 * rendered, queued and printed. The terminal's own modules, in process: the bridge's transport is
 * not what is measured.
 */
export async function benchTerminal() {
  const { startTestApi } = await import('../core-api/src/testing/harness')
  const { listenTcp, VirtualPrinter, openDevices } = await import('@gopay/hardware')
  const { createTerminal } = await import('@gopay/terminal-app')
  const api = await startTestApi()
  const tcp = await listenTcp({ bytesPerSecond: 115200 / 10 })
  const virtual = new VirtualPrinter(tcp.link)
  const devices = await openDevices({ GOPAY_PRINTER: tcp.connection }, { merchantName: 'bench' })
  const dataDir = mkdtempSync(join(tmpdir(), 'gopay-bench-terminal-'))
  const terminal = createTerminal({ coreUrl: api.url, dataDir, devices, checkInMs: 60_000 })
  try {
    const admin = await api.staff('admin')
    const agent = await api.agent({ float: 100_000_000n })
    const enrolled = await api.call('POST', '/v1/admin/terminals', {
      token: admin.token,
      body: { agentCode: agent.code },
    })
    const h = terminal.handlers
    const activated = await h['terminal.activate']({ activationCode: enrolled.body.activationCode })
    const signedIn = await h['session.signIn']({ phone: agent.phone, pin: '1470' })
    if (!activated.ok || !signedIn.ok) throw new Error('bench terminal could not activate or sign in')
    await devices.printer!.status()
    const customers = await Promise.all(Array.from({ length: 5 }, () => api.user({ balance: 0n })))
    const latencies: number[] = []
    let bytes = 0
    for (let i = 0; i < 50; i++) {
      const phone = customers[i % customers.length]!.phone
      const out = new Promise<void>((resolve) => virtual.once('receipt', () => resolve()))
      const t0 = performance.now()
      const found = await h['customers.lookup']({ phone })
      if (!found.ok) throw new Error(found.message)
      await h['display.show']({
        view: {
          kind: 'confirm',
          action: 'cash-in',
          customerName: found.value.name,
          phone,
          amount: '150050',
          currency: 'KES',
        },
      })
      const o = await h['cashIn.submit']({ key: randomUUID(), customerPhone: phone, amount: '150050' })
      if (o.outcome !== 'done') throw new Error(o.message)
      await out
      latencies.push(performance.now() - t0)
      bytes = virtual.receipts.at(-1)?.lines.join('\n').length ?? bytes
    }
    const s = summarise(latencies)
    line('terminal_cash_in_to_receipt_p50', s.p50, 'ms (amount typed to receipt out, 115200 baud)')
    line('terminal_cash_in_to_receipt_p99', s.p99, 'ms')
    line('terminal_cash_ins', s.count, 'cash-ins')
    line('terminal_receipt_text', bytes, 'characters per receipt')
  } finally {
    await terminal.stop()
    await devices.close()
    await tcp.close()
    await api.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
