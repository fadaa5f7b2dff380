import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { SerialTransport } from '../transport/serial'
import { TcpTransport } from '../transport/tcp'
import { linkOf } from '../transport/open'
import { hasSocat, openPtyPair, type PtyPair } from '../virtual/pty'
import { VirtualPrinter } from '../virtual/printer'
import { listenTcp } from '../virtual/tcp'
import { createPrinter, PrintError, type Printer } from './driver'
import { renderReceipt } from './receipts'
import { sampleHeader, sampleReceipts } from './samples'

const receipt = (reference: string) =>
  renderReceipt({ ...sampleReceipts.p2p, reference }, sampleHeader, { width: 58 })
/** Settled within `ms`, or 'pending': a promise that never settles is the bug looked for. */
const settled = (p: Promise<unknown>, ms = 2_000) =>
  Promise.race([
    p.then(
      () => 'resolved',
      (e: unknown) => (e instanceof PrintError ? `rejected:${e.code}` : `rejected:${String(e)}`),
    ),
    new Promise((r) => setTimeout(() => r('pending'), ms)),
  ])

describe.skipIf(!hasSocat())('the print queue over a serial line (socat pty): settles, remembers', () => {
  let dir: string
  let pty: PtyPair
  let device: SerialTransport
  let virtual: VirtualPrinter
  const printers: Printer[] = []
  const open = (opts: { remember?: number; maxQueued?: number } = {}) => {
    const p = createPrinter(new SerialTransport({ path: pty.hostPath, baudRate: 115200 }), {
      pollMs: 50,
      statusTimeoutMs: 300,
      journal: join(dir, 'data', 'printer-jobs.jsonl'),
      ...opts,
    })
    printers.push(p)
    return p
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gopay-queue-'))
    pty = await openPtyPair({ dir })
    device = new SerialTransport({ path: pty.devicePath, baudRate: 115200 })
    await device.open()
    virtual = new VirtualPrinter(linkOf(device))
  })
  afterEach(async () => {
    for (const p of printers.splice(0)) await p.close()
    await device.close()
    await pty.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('settles every job at close(): the printed resolve, the waiting are cancelled; print() after close rejects', async () => {
    const printer = open()
    await printer.print({ id: 'a', bytes: receipt('REF-a') })
    virtual.set({ paperOut: true })
    const waiting = [
      printer.print({ id: 'b', bytes: receipt('REF-b') }),
      printer.print({ id: 'c', bytes: receipt('REF-c') }),
    ]
    await once(printer, 'attention')
    const outcomes = Promise.all(waiting.map((w) => settled(w)))
    await printer.close()
    expect(await outcomes).toEqual(['rejected:cancelled', 'rejected:cancelled'])
    expect(await settled(printer.print({ id: 'd', bytes: receipt('REF-d') }))).toBe('rejected:closed')
    expect(printer.job('b')).toBe('cancelled')
  })

  it('a restart does not reprint: the journal knows what was printed', async () => {
    const first = open()
    await first.print({ id: 'tx-1:customer', bytes: receipt('REF-1') })
    await first.close()
    const second = open()
    expect(second.job('tx-1:customer')).toBe('printed')
    expect(await settled(second.print({ id: 'tx-1:customer', bytes: receipt('REF-1') }))).toBe('resolved')
    await second.print({ id: 'tx-2:customer', bytes: receipt('REF-2') })
    await new Promise((r) => setTimeout(r, 100))
    expect(virtual.receipts.map((r) => r.qrCodes[0])).toEqual(['REF-1', 'REF-2'])
  })

  it('a job that was being sent when the process died is reported, not resent', async () => {
    const journal = join(dir, 'data', 'printer-jobs.jsonl')
    const first = open()
    await first.print({ id: 'warm', bytes: receipt('REF-w') })
    await first.close()
    // As the journal is left by a crash in the middle of a write: "sending", then nothing.
    writeFileSync(
      journal,
      `${readFileSync(journal, 'utf8')}${JSON.stringify({ id: 'tx-9:customer', state: 'queued' })}\n` +
        `${JSON.stringify({ id: 'tx-9:customer', state: 'sending' })}\n{"id":"tx-10",`,
    )
    const second = open()
    const [reported] = await once(second, 'interrupted')
    expect(reported).toMatchObject({ jobId: 'tx-9:customer' })
    expect(second.job('tx-9:customer')).toBe('interrupted')
    expect(await settled(second.print({ id: 'tx-9:customer', bytes: receipt('REF-9') }))).toBe(
      'rejected:interrupted',
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(virtual.receipts.map((r) => r.qrCodes[0])).toEqual(['REF-w'])
  })

  it('memory and journal stay bounded: old jobs are forgotten, a full queue refuses more', async () => {
    const printer = open({ remember: 5, maxQueued: 3 })
    for (let i = 0; i < 30; i++) await printer.print({ id: `j${i}`, bytes: Buffer.from('x\n') })
    expect(printer.job('j29')).toBe('printed')
    expect(printer.job('j0')).toBeUndefined()
    const lines = readFileSync(join(dir, 'data', 'printer-jobs.jsonl'), 'utf8')
      .trim()
      .split('\n')
    expect(lines.length).toBeLessThanOrEqual(5 * 2 * 3)
    virtual.set({ coverOpen: true })
    const held = [1, 2, 3].map((i) => printer.print({ id: `h${i}`, bytes: Buffer.from('y\n') }))
    expect(await settled(printer.print({ id: 'h4', bytes: Buffer.from('z\n') }))).toBe('rejected:full')
    virtual.set({ coverOpen: false })
    expect(await Promise.all(held.map((h) => settled(h)))).toEqual(['resolved', 'resolved', 'resolved'])
  })
})

describe('the print queue when a network printer drops in the middle of a job', () => {
  let tcp: Awaited<ReturnType<typeof listenTcp>>
  let virtual: VirtualPrinter
  beforeEach(async () => {
    tcp = await listenTcp({ bytesPerSecond: 4_000 })
    virtual = new VirtualPrinter(tcp.link)
  })
  afterEach(async () => {
    await tcp.close()
  })

  it('reports the half-written job and never resends it; the next job prints', async () => {
    const url = new URL(tcp.connection)
    const printer = createPrinter(new TcpTransport(url.hostname, Number(url.port), { chunkBytes: 128 }), {
      pollMs: 50,
      statusTimeoutMs: 300,
    })
    // Longer than every buffer between here and the printer: the sender is still writing at the drop.
    const long = Buffer.concat([receipt('REF-A'), Buffer.alloc(16 * 1024 * 1024, 0x20), receipt('REF-A2')])
    const interrupted = once(printer, 'interrupted')
    const a = printer.print({ id: 'A', bytes: long })
    await new Promise((r) => setTimeout(r, 400))
    tcp.drop() // the cable is pulled while the job is on its way
    expect(await settled(a, 5_000)).toBe('rejected:interrupted')
    expect((await interrupted)[0]).toMatchObject({ jobId: 'A' })
    expect(printer.job('A')).toBe('interrupted')
    await printer.print({ id: 'B', bytes: receipt('REF-B') })
    await new Promise((r) => setTimeout(r, 300))
    const printed = virtual.receipts.map((r) => r.qrCodes[0])
    expect(printed.at(-1)).toBe('REF-B')
    expect(printed).not.toContain('REF-A2')
    expect(new Set(printed).size).toBe(printed.length) // nothing printed twice
    await printer.close()
  }, 20_000)
})
