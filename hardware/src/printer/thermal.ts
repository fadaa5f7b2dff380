import { randomUUID } from 'node:crypto'
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer'
import type { Printer } from './driver'

/** A node-thermal-printer command builder as GoPay uses it, on any interface object. */
export function newThermalPrinter(
  iface: object,
  opts: { columns: number; type?: 'epson' | 'star'; breakLine?: BreakLine },
): ThermalPrinter {
  return new ThermalPrinter({
    type: opts.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    width: opts.columns,
    interface: iface as never,
    // CP858: Latin-1 letters (é, ñ, ü…) and the euro sign, present on Epson and Star printers alike.
    characterSet: CharacterSet.PC858_EURO,
    removeSpecialCharacters: false,
    ...(opts.breakLine !== undefined ? { breakLine: opts.breakLine } : {}),
  })
}

/**
 * node-thermal-printer with GoPay's printer plugged in through its custom interface object: its
 * `execute()` goes through our queue and transport, and `isPrinterConnected()` asks the printer
 * (DLE EOT) instead of answering true for a printer that is off.
 */
export function thermalPrinterFor(printer: Printer, opts: { columns: number; type?: 'epson' | 'star' }) {
  const iface = {
    getPrinterName: () => 'gopay',
    isPrinterConnected: async () => (await printer.status()).reachable,
    execute: async (buffer: Buffer) => {
      await printer.print({ id: randomUUID(), bytes: Buffer.from(buffer) })
      return 'printed'
    },
  }
  return newThermalPrinter(iface, opts)
}
