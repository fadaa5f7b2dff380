import { SerialTransport } from '../transport/serial'
import { linkOf } from '../transport/open'
import { VirtualPrinter } from './printer'
import { hasSocat, openPtyPair } from './pty'
import { listenTcp } from './tcp'

export interface VirtualLab {
  printers: Array<{ connection: string; printer: VirtualPrinter }>
  stop(): Promise<void>
}

/** The virtual devices a developer or a demo points the terminal at (`npm run hardware -- virtual`). */
export async function startVirtualLab(opts: { tcpPort?: number } = {}): Promise<VirtualLab> {
  const printers: VirtualLab['printers'] = []
  const stops: Array<() => Promise<void>> = []
  const tcp = await listenTcp({ port: opts.tcpPort })
  printers.push({ connection: tcp.connection, printer: new VirtualPrinter(tcp.link) })
  stops.push(tcp.close)
  if (hasSocat()) {
    const pty = await openPtyPair()
    const device = new SerialTransport({ path: pty.devicePath, baudRate: 115200 })
    await device.open()
    printers.push({
      connection: `serial:${pty.hostPath}?baud=115200`,
      printer: new VirtualPrinter(linkOf(device)),
    })
    stops.push(async () => {
      await device.close()
      await pty.close()
    })
  }
  return {
    printers,
    async stop() {
      for (const s of stops.reverse()) await s()
    },
  }
}
