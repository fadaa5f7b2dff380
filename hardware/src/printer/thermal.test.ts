import { describe, expect, it } from 'vitest'
import { memoryPair } from '../transport/memory'
import { VirtualPrinter } from '../virtual/printer'
import { createPrinter } from './driver'
import { thermalPrinterFor } from './thermal'

describe("node-thermal-printer on GoPay's transport", () => {
  it('executes through the queue and reports a switched-off printer as not connected', async () => {
    const { transport, link } = memoryPair()
    const virtual = new VirtualPrinter(link)
    const tp = thermalPrinterFor(createPrinter(transport, { pollMs: 20, statusTimeoutMs: 100 }), {
      columns: 48,
    })
    expect(await tp.isPrinterConnected()).toBe(true)
    tp.println('Karibu GoPay')
    tp.cut()
    await tp.execute()
    await new Promise((r) => setTimeout(r, 20))
    expect(virtual.receipts.at(-1)!.lines).toContain('Karibu GoPay')
    virtual.set({ off: true })
    expect(await tp.isPrinterConnected()).toBe(false)
  })
})
