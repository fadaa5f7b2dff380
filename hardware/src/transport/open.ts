import type { Connection } from '../connection'
import { SerialTransport } from './serial'
import { TcpTransport } from './tcp'
import type { Transport } from './transport'

/** A transport for a serial or TCP connection (the in-process `virtual` one comes from the lab). */
export function transportFor(c: Exclude<Connection, { kind: 'virtual' }>): Transport {
  return c.kind === 'tcp'
    ? new TcpTransport(c.host, c.port)
    : new SerialTransport({ path: c.path, baudRate: c.baudRate, rtscts: c.rtscts, xon: c.xon })
}

/** The device's end of a transport, for virtual devices that sit on a real pty or socket. */
export function linkOf(t: Transport) {
  return {
    send: (bytes: Buffer) => void t.write(bytes).catch(() => undefined),
    onReceive: (handler: (bytes: Buffer) => void) => void t.on('data', handler),
  }
}
