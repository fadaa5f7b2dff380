import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrinter } from './printer/driver'
import { renderReceipt, receiptKinds } from './printer/receipts'
import { sampleHeader, sampleReceipts } from './printer/samples'
import { TcpTransport } from './transport/tcp'
import { VirtualPrinter } from './virtual/printer'
import { listenTcp } from './virtual/tcp'

const run = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'hardware/src/cli.ts', ...args], { cwd: root }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  )

describe('printing to a network printer (TCP 9100)', () => {
  let tcp: Awaited<ReturnType<typeof listenTcp>>
  let virtual: VirtualPrinter
  beforeAll(async () => {
    tcp = await listenTcp({ bytesPerSecond: 20_000 })
    virtual = new VirtualPrinter(tcp.link)
  })
  afterAll(async () => {
    await tcp.close()
  })

  it('delivers every receipt kind whole to a slow printer, in chunks, in order', async () => {
    const url = new URL(tcp.connection)
    const printer = createPrinter(new TcpTransport(url.hostname, Number(url.port), { chunkBytes: 128 }), {
      pollMs: 50,
    })
    const before = virtual.receipts.length
    for (const kind of receiptKinds)
      await printer.print({
        id: `tcp-${kind}`,
        bytes: renderReceipt(sampleReceipts[kind], sampleHeader, { width: 80 }),
      })
    while (virtual.receipts.length < before + receiptKinds.length) await new Promise((r) => setTimeout(r, 50))
    expect(virtual.receipts.slice(before).map((r) => r.qrCodes[0])).toEqual(
      receiptKinds.map((k) => sampleReceipts[k].reference),
    )
    await printer.close()
  })

  it(
    'npm run hardware -- print-sample exits non-zero when the printer reports a problem',
    { timeout: 60_000 },
    async () => {
      virtual.set({ paperOut: true })
      const refused = await cli('print-sample', 'cash-in', '--printer', tcp.connection, '--width', '58')
      expect(refused.code).toBe(1)
      expect(refused.out).toContain('out of paper')
      virtual.set({ paperOut: false })
      const before = virtual.receipts.length
      const ok = await cli('print-sample', 'cash-in', '--printer', tcp.connection, '--width', '58')
      expect(ok.code).toBe(0)
      expect(virtual.receipts.length).toBe(before + 1)
      expect(virtual.receipts.at(-1)!.lines.join('\n')).toContain('CASH IN')
      const off = await cli('status', '--printer', 'tcp://127.0.0.1:1')
      expect(off.code).toBe(1)
      expect(off.out).toContain('not answering')
      expect((await cli('print-sample', 'nonsense', '--printer', 'virtual')).code).toBe(1)
    },
  )
})
