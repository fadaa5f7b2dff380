import { createPrinter } from '@gopay/hardware/printer'
import { line } from './stats'

/**
 * A whole receipt to a slow printer: a virtual printer on TCP that reads no faster than a 9600-baud
 * line (960 bytes/s, 8N1), so the sender's chunking and waiting for drain are what is measured.
 */
export async function benchPrinter() {
  const { listenTcp, VirtualPrinter, TcpTransport, renderReceipt, sampleHeader, sampleReceipts } =
    await import('@gopay/hardware/printer')
  const baud = 9600
  const bytesPerSecond = baud / 10
  const tcp = await listenTcp({ bytesPerSecond })
  const virtual = new VirtualPrinter(tcp.link)
  const url = new URL(tcp.connection)
  const printer = createPrinter(new TcpTransport(url.hostname, Number(url.port), { chunkBytes: 256 }), {
    pollMs: 100,
  })
  const bytes = Buffer.concat(
    ['cash-in', 'bill', 'end-of-day'].map((k) =>
      renderReceipt(sampleReceipts[k as 'bill'], sampleHeader, { width: 80 }),
    ),
  )
  await printer.status() // connect first: the measured time is the receipt's, not the TCP handshake's
  const printed = new Promise<void>((resolve) => {
    let n = 0
    virtual.on('receipt', () => ++n === 3 && resolve())
  })
  const t0 = performance.now()
  await printer.print({ id: 'bench', bytes })
  await printed
  const actual = (performance.now() - t0) / 1000
  const wire = bytes.length / bytesPerSecond
  line('printer_receipt_bytes', bytes.length, 'bytes (three 80 mm receipts)')
  line('printer_wire_time', wire, `s at ${baud} baud`)
  line('printer_actual_time', actual, 's')
  line('printer_actual_over_wire', actual / wire, '(target <= 1.2)')
  await printer.close()
  await tcp.close()
}
