import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { SerialTransport } from '../transport/serial'
import { linkOf } from '../transport/open'
import { hasSocat, openPtyPair, type PtyPair } from '../virtual/pty'
import { VirtualPrinter } from '../virtual/printer'
import { createPrinter, type Printer } from './driver'
import { renderReceipt } from './receipts'
import { sampleHeader, sampleReceipts } from './samples'

if (!hasSocat())
  console.warn('socat is not installed: the printer tests over virtual serial lines are skipped.')

describe.skipIf(!hasSocat())('receipt printer over a serial line (socat pty)', () => {
  let dir: string
  let pty: PtyPair
  let device: SerialTransport
  let virtual: VirtualPrinter
  let printer: Printer

  async function plugIn() {
    pty = await openPtyPair({ dir })
    device = new SerialTransport({ path: pty.devicePath, baudRate: 115200 })
    await device.open()
    virtual = new VirtualPrinter(linkOf(device))
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gopay-printer-'))
    await plugIn()
    printer = createPrinter(new SerialTransport({ path: pty.hostPath, baudRate: 115200 }), {
      pollMs: 50,
      statusTimeoutMs: 300,
    })
  })
  afterEach(async () => {
    await printer.close()
    await device.close()
    await pty.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const receipt = () => renderReceipt(sampleReceipts['merchant-sale'], sampleHeader, { width: 80 })

  it('tells the truth about paper, cover and power', async () => {
    expect(await printer.status()).toMatchObject({ reachable: true, ready: true })
    virtual.set({ paperNearEnd: true })
    expect(await printer.status()).toMatchObject({ ready: true, paperNearEnd: true })
    virtual.set({ paperOut: true })
    expect(await printer.status()).toMatchObject({ ready: false, paperOut: true, online: false })
    virtual.set({ paperOut: false, coverOpen: true })
    expect(await printer.status()).toMatchObject({ ready: false, coverOpen: true })
    virtual.set({ coverOpen: false, off: true })
    expect(await printer.status()).toMatchObject({ reachable: false, ready: false })
    virtual.set({ off: false })
    expect(await printer.status()).toMatchObject({ reachable: true, ready: true })
  })

  it('prints a receipt the customer can read', async () => {
    await printer.print({ id: 'job-1', bytes: receipt() })
    await new Promise((r) => setTimeout(r, 100))
    expect(virtual.receipts).toHaveLength(1)
    expect(virtual.receipts[0]!.lines.join('\n')).toMatch(/Amount\s+KES 875\.50/)
    expect(virtual.receipts[0]!.qrCodes).toEqual(['MS7C9E6679'])
  })

  it('holds a job through a paper-out, tells the operator, and prints it once paper is back, once', async () => {
    virtual.set({ paperOut: true })
    const attention = once(printer, 'attention')
    const done = printer.print({ id: 'job-2', bytes: receipt() })
    const [event] = await attention
    expect(event.message).toContain('out of paper')
    await new Promise((r) => setTimeout(r, 200))
    expect(virtual.receipts).toHaveLength(0)
    expect(printer.queued).toEqual(['job-2'])
    virtual.set({ paperOut: false })
    await done
    await printer.print({ id: 'job-2', bytes: receipt() }) // the same job again: not printed twice
    await new Promise((r) => setTimeout(r, 150))
    expect(virtual.receipts).toHaveLength(1)
  })

  it('keeps jobs in order through an open cover', async () => {
    virtual.set({ coverOpen: true })
    const jobs = ['a', 'b', 'c'].map((id) =>
      printer.print({
        id,
        bytes: renderReceipt({ ...sampleReceipts.p2p, reference: `REF-${id}` }, sampleHeader, { width: 58 }),
      }),
    )
    await new Promise((r) => setTimeout(r, 150))
    virtual.set({ coverOpen: false })
    await Promise.all(jobs)
    await new Promise((r) => setTimeout(r, 150))
    expect(virtual.receipts.map((r) => r.qrCodes[0])).toEqual(['REF-a', 'REF-b', 'REF-c'])
  })

  it('reports an unplugged printer as unreachable and prints after it is plugged back in', async () => {
    expect((await printer.status()).ready).toBe(true)
    await device.close()
    await pty.close()
    expect(await printer.status()).toMatchObject({ reachable: false })
    const done = printer.print({ id: 'job-3', bytes: receipt() })
    await new Promise((r) => setTimeout(r, 150))
    await plugIn()
    await done
    await new Promise((r) => setTimeout(r, 150))
    expect(virtual.receipts).toHaveLength(1)
  })
})
