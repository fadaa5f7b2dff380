import { SerialTransport } from '../transport/serial'
import { linkOf } from '../transport/open'
import { VirtualSerialCardReader } from './card-reader'
import { VirtualPoleDisplay } from './pole-display'
import { VirtualPrinter } from './printer'
import { hasSocat, openPtyPair } from './pty'
import { listenTcp } from './tcp'

export interface VirtualLab {
  printers: Array<{ connection: string; printer: VirtualPrinter }>
  cardReader?: { connection: string; reader: VirtualSerialCardReader }
  display?: { connection: string; display: VirtualPoleDisplay }
  stop(): Promise<void>
}

/** The virtual devices a developer or a demo points the terminal at (`npm run hardware -- virtual`). */
export async function startVirtualLab(opts: { tcpPort?: number } = {}): Promise<VirtualLab> {
  const printers: VirtualLab['printers'] = []
  const stops: Array<() => Promise<void>> = []
  const lab: VirtualLab = { printers, stop: async () => undefined }
  // A device on the far end of a socat pty pair; the host end is its connection string.
  const onPty = async <T>(baudRate: number, make: (link: ReturnType<typeof linkOf>) => T) => {
    const pty = await openPtyPair()
    const device = new SerialTransport({ path: pty.devicePath, baudRate })
    await device.open()
    stops.push(async () => {
      await device.close()
      await pty.close()
    })
    return { connection: `serial:${pty.hostPath}?baud=${baudRate}`, device: make(linkOf(device)) }
  }
  const tcp = await listenTcp({ port: opts.tcpPort })
  printers.push({ connection: tcp.connection, printer: new VirtualPrinter(tcp.link) })
  stops.push(tcp.close)
  if (hasSocat()) {
    const printer = await onPty(115200, (link) => new VirtualPrinter(link))
    printers.push({ connection: printer.connection, printer: printer.device })
    const reader = await onPty(9600, (link) => new VirtualSerialCardReader(link))
    lab.cardReader = { connection: reader.connection, reader: reader.device }
    const display = await onPty(9600, (link) => new VirtualPoleDisplay(link))
    lab.display = { connection: display.connection, display: display.device }
  }
  lab.stop = async () => {
    for (const s of stops.reverse()) await s()
  }
  return lab
}
