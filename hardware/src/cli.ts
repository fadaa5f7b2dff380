import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { SerialPort } from 'serialport'
import { renderReceiptPng } from './virtual/receipt-png'
import { parseConnection, type Connection } from './connection'
import { createPrinter } from './printer/driver'
import { receiptKinds, renderReceipt, type PaperWidth, type ReceiptKind } from './printer/receipts'
import { sampleHeader, sampleReceipts } from './printer/samples'
import { describeStatus } from './printer/status'
import { memoryPair } from './transport/memory'
import { transportFor } from './transport/open'
import { VirtualPrinter } from './virtual/printer'
import { startVirtualLab } from './virtual/lab'
import { SerialCardReader } from './cards/serial-reader'
import { PcscNfcReaders, pcscUnavailable } from './cards/nfc-reader'
import { KeyboardWedgeReader } from './cards/wedge'
import type { CardReaderEvents } from './cards/events'
import { trackData } from './virtual/card-reader'

const usage = `usage: npm run hardware -- <command>
  list                                         serial ports, and the devices configured in the environment
  status --printer CONN                        the printer's real-time status
  print-sample KIND --printer CONN [--width 58|80]
                                               prints a sample receipt (${receiptKinds.join(', ')})
  watch-cards [--reader CONN|pcsc]             prints every card swiped or tapped (serial reader, PC/SC NFC, or
                                               a keyboard-wedge reader typing into this terminal)
  virtual                                      starts the virtual lab and prints its connection strings
CONN: serial:/dev/ttyUSB0?baud=115200 | tcp://10.0.0.20:9100 | virtual`

function option(args: string[], name: string) {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

/** Why the serial port library could not list ports, in a sentence. */
function whyNotListed(err: NodeJS.ErrnoException) {
  // On Linux the list comes from `udevadm info -e`; containers and minimal systems often lack it.
  if (err.code === 'ENOENT' && /udevadm/.test(`${err.path ?? ''} ${err.message}`))
    return 'udevadm (part of udev), which lists them on Linux, is not installed'
  return err.message
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

/** A printer for a connection; `virtual` is an in-process virtual printer that shows what it printed. */
function open(c: Connection) {
  if (c.kind !== 'virtual') return { printer: createPrinter(transportFor(c), { pollMs: 250 }), virtual: null }
  const { transport, link } = memoryPair()
  return { printer: createPrinter(transport, { pollMs: 250 }), virtual: new VirtualPrinter(link) }
}

const [command, ...args] = process.argv.slice(2)
// Whatever else goes wrong is said in a sentence: a stack trace tells an operator nothing.
for (const event of ['uncaughtException', 'unhandledRejection'] as const)
  process.on(event, (err: unknown) =>
    fail(`${command ?? 'hardware'}: ${(err as Error)?.message ?? String(err)}`),
  )
switch (command) {
  case 'list': {
    const listed = await SerialPort.list().then(
      (ports) => {
        console.log(
          ports.length
            ? ports
                .map(
                  (p) =>
                    `serial:${p.path}  ${[p.manufacturer, p.vendorId && `${p.vendorId}:${p.productId}`].filter(Boolean).join(' ')}`,
                )
                .join('\n')
            : 'no serial ports found',
        )
        return true
      },
      (err: NodeJS.ErrnoException) => {
        console.log(`serial ports could not be listed: ${whyNotListed(err)}`)
        // What the device folder shows anyway: the usual names of USB serial adapters.
        const files = readdirSync('/dev').filter((f) => /^tty(USB|ACM)\d+$/.test(f))
        if (files.length)
          console.log(`device files that may be serial ports: ${files.map((f) => `/dev/${f}`).join(' ')}`)
        return false
      },
    )
    for (const v of ['GOPAY_PRINTER', 'GOPAY_CARD_READER', 'GOPAY_DISPLAY'])
      console.log(`${v}=${process.env[v] ?? '(not set)'}`)
    process.exit(listed ? 0 : 1)
    break
  }
  case 'status': {
    const conn = option(args, 'printer') ?? process.env.GOPAY_PRINTER ?? fail(usage)
    const { printer } = open(parseConnection(conn))
    const s = await printer.status()
    console.log(`${conn}: ${describeStatus(s)}`)
    await printer.close()
    process.exit(s.ready ? 0 : 1)
    break
  }
  case 'print-sample': {
    const kind = args[0] as ReceiptKind
    if (!receiptKinds.includes(kind)) fail(`KIND is one of ${receiptKinds.join(', ')}\n\n${usage}`)
    const conn = option(args, 'printer') ?? process.env.GOPAY_PRINTER ?? fail(usage)
    const width = Number(option(args, 'width') ?? 80) as PaperWidth
    if (width !== 58 && width !== 80) fail('--width is 58 or 80')
    const { printer, virtual } = open(parseConnection(conn))
    // One attempt, no waiting: a printer that is not ready is an error the operator must see.
    const before = await printer.status()
    if (!before.ready) fail(`${conn}: ${describeStatus(before)}; nothing printed`)
    await printer.print({
      id: `sample-${kind}`,
      bytes: renderReceipt(sampleReceipts[kind], sampleHeader, { width }),
    })
    const after = await printer.status()
    if (virtual) console.log(virtual.receipts.at(-1)?.lines.join('\n') ?? '')
    await printer.close()
    if (!after.reachable || after.cutterError || after.unrecoverableError)
      fail(`${conn}: ${describeStatus(after)} after printing`)
    console.log(`printed the ${kind} sample (${width} mm) on ${conn}: ${describeStatus(after)}`)
    process.exit(0)
    break
  }
  case 'watch-cards': {
    const conn = option(args, 'reader') ?? process.env.GOPAY_CARD_READER
    const show = (r: import('node:events').EventEmitter<CardReaderEvents>) => {
      r.on('card', (c) =>
        console.log(
          c.kind === 'nfc'
            ? `tap  ${c.uid}  (${c.readerName})`
            : `swipe  ${c.pan.slice(0, 6)}******${c.pan.slice(-4)}  ${c.name ?? ''}  exp ${c.expiry}  (${c.readerName})`,
        ),
      )
      r.on('bad-read', (b) => console.log(`bad read: ${b.message}`))
    }
    if (conn === 'pcsc') {
      const reason = await pcscUnavailable()
      if (reason) fail(reason)
      const readers = new PcscNfcReaders()
      show(readers)
      readers.on('reader', (name) => console.log(`NFC reader: ${name}`))
      await readers.start()
      console.log('watching PC/SC NFC readers; Ctrl-C stops')
    } else if (conn) {
      const c = parseConnection(conn)
      if (c.kind === 'virtual')
        fail('watch-cards reads a real reader: serial:… or tcp://…, or none for a keyboard wedge')
      const reader = new SerialCardReader(transportFor(c))
      show(reader)
      await reader.open()
      console.log(`watching ${conn}; Ctrl-C stops`)
    } else {
      // A keyboard-wedge reader types into this terminal: read raw keystrokes with their timing.
      const reader = new KeyboardWedgeReader()
      show(reader)
      if (!process.stdin.isTTY)
        fail('no --reader given and this is not a terminal a keyboard-wedge reader could type into')
      process.stdin.setRawMode(true)
      process.stdin.on('data', (d) => {
        for (const ch of d.toString('latin1')) {
          if (ch === '\u0003') process.exit(0)
          reader.key(ch === '\r' ? 'Enter' : ch)
        }
      })
      console.log('swipe a card on the keyboard-wedge reader; Ctrl-C stops')
    }
    break
  }
  case 'virtual': {
    const lab = await startVirtualLab()
    console.log('GoPay virtual lab. Connection strings:')
    for (const p of lab.printers) console.log(`  printer      ${p.connection}`)
    if (lab.cardReader)
      console.log(`  card reader  ${lab.cardReader.connection}   (type "swipe" or "tap" here to use it)`)
    if (lab.display) console.log(`  display      ${lab.display.connection}`)
    if (!lab.cardReader) console.log('  (socat is not installed: no serial devices, only the TCP printer)')
    process.stdin.on('data', (d) => {
      const cmd = d.toString().trim()
      if (cmd === 'swipe')
        lab.cardReader?.reader.swipe(
          trackData({ pan: '4111111111111111', name: 'Amina Odhiambo', expiry: '2912' }),
        )
      else if (cmd === 'tap') lab.cardReader?.reader.tap('04A2B3C4D5E680')
      else if (cmd === 'bad') lab.cardReader?.reader.badSwipe()
    })
    // Each printed receipt is also saved as the paper would look (80 mm wide).
    const dir = resolve(process.env.GOPAY_DATA_DIR ?? '.gopay', 'receipts')
    mkdirSync(dir, { recursive: true })
    let printedCount = 0
    for (const p of lab.printers)
      p.printer.on('receipt', (r) => {
        const file = join(dir, `receipt-${++printedCount}.png`)
        writeFileSync(file, renderReceiptPng(r, 80))
        console.log(
          `\n--- printed on ${p.connection} (picture: ${file}) ---\n${r.lines.join('\n')}\n[QR ${r.qrCodes.join(', ')}]`,
        )
      })
    console.log('Ctrl-C stops it.')
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, async () => {
        await lab.stop()
        process.exit(0)
      })
    break
  }
  default:
    fail(usage)
}
