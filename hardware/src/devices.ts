import { join } from 'node:path'
import type { EventEmitter } from 'node:events'
import type { CardReaderEvents } from './cards/events'
import { PcscNfcReaders } from './cards/nfc-reader'
import { SerialCardReader } from './cards/serial-reader'
import { parseConnection } from './connection'
import { CustomerDisplay } from './display/customer-display'
import { attachPoleDisplay } from './display/pole-display'
import { createPrinter, type Printer } from './printer/driver'
import { memoryPair } from './transport/memory'
import { transportFor } from './transport/open'
import { VirtualSerialCardReader } from './virtual/card-reader'
import { VirtualPoleDisplay } from './virtual/pole-display'
import { VirtualPrinter } from './virtual/printer'

export interface TerminalDevices {
  /** GOPAY_PRINTER, or null when none is configured. */
  printer: Printer | null
  /** GOPAY_CARD_READER (a connection string, or `pcsc` for NFC readers), all emitting `card`. */
  cardReader: EventEmitter<CardReaderEvents> | null
  /** The customer display: the second window renders its screens; GOPAY_DISPLAY adds a pole display. */
  display: CustomerDisplay
  /** The in-process virtual devices behind `virtual` connections, to drive and inspect them. */
  virtual: { printer?: VirtualPrinter; cardReader?: VirtualSerialCardReader; pole?: VirtualPoleDisplay }
  close(): Promise<void>
}

/** The devices a terminal is configured with (GOPAY_PRINTER, GOPAY_CARD_READER, GOPAY_DISPLAY). */
export async function openDevices(
  env: Record<string, string | undefined>,
  opts: {
    merchantName: string
    /** Where the printer keeps its job journal (printer-jobs.jsonl); GOPAY_DATA_DIR when not given. */
    dataDir?: string
  },
): Promise<TerminalDevices> {
  const closers: Array<() => unknown> = []
  const virtual: TerminalDevices['virtual'] = {}

  let printer: Printer | null = null
  if (env.GOPAY_PRINTER) {
    const c = parseConnection(env.GOPAY_PRINTER)
    // A restart must not reprint what was printed: job states are kept on disk when there is a place.
    const dataDir = opts.dataDir ?? env.GOPAY_DATA_DIR
    const journal = dataDir ? join(dataDir, 'printer-jobs.jsonl') : undefined
    if (c.kind === 'virtual') {
      const { transport, link } = memoryPair('virtual printer')
      virtual.printer = new VirtualPrinter(link)
      printer = createPrinter(transport, { journal })
    } else printer = createPrinter(transportFor(c), { journal })
    closers.push(() => printer!.close())
  }

  let cardReader: TerminalDevices['cardReader'] = null
  if (env.GOPAY_CARD_READER === 'pcsc') {
    const readers = new PcscNfcReaders()
    await readers.start()
    closers.push(() => readers.stop())
    cardReader = readers
  } else if (env.GOPAY_CARD_READER) {
    const c = parseConnection(env.GOPAY_CARD_READER)
    let reader: SerialCardReader
    if (c.kind === 'virtual') {
      const { transport, link } = memoryPair('virtual card reader')
      virtual.cardReader = new VirtualSerialCardReader(link)
      reader = new SerialCardReader(transport)
    } else reader = new SerialCardReader(transportFor(c))
    await reader.open()
    closers.push(() => reader.close())
    cardReader = reader
  }

  const display = new CustomerDisplay(opts.merchantName)
  closers.push(() => display.close())
  if (env.GOPAY_DISPLAY && env.GOPAY_DISPLAY !== 'window') {
    const c = parseConnection(env.GOPAY_DISPLAY)
    let transport
    if (c.kind === 'virtual') {
      const pair = memoryPair('virtual pole display')
      virtual.pole = new VirtualPoleDisplay(pair.link)
      transport = pair.transport
    } else transport = transportFor(c)
    const pole = await attachPoleDisplay(display, transport)
    closers.push(() => pole.close())
  }

  return {
    printer,
    cardReader,
    display,
    virtual,
    async close() {
      for (const close of closers.reverse()) await close()
    },
  }
}
