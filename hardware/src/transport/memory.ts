import { EventEmitter } from 'node:events'
import type { DeviceLink } from '../virtual/printer'
import { TransportClosedError, type Transport } from './transport'

class MemoryTransport
  extends EventEmitter<{ data: [Buffer]; close: [Error | undefined] }>
  implements Transport
{
  isOpen = false
  toDevice: ((b: Buffer) => void) | null = null

  constructor(readonly description: string) {
    super()
  }

  async open() {
    this.isOpen = true
  }

  async write(bytes: Buffer) {
    if (!this.isOpen) throw new TransportClosedError(this.description)
    const copy = Buffer.from(bytes)
    setImmediate(() => this.toDevice?.(copy))
  }

  async close() {
    this.isOpen = false
  }

  unplug() {
    this.isOpen = false
    this.emit('close', new Error(`${this.description} unplugged`))
  }
}

/**
 * The `virtual` connection: a host transport wired in-process to a virtual device's link, with no
 * operating-system device in between.
 */
export function memoryPair(description = 'virtual'): {
  transport: Transport & { unplug(): void }
  link: DeviceLink
} {
  const transport = new MemoryTransport(description)
  const link: DeviceLink = {
    send: (bytes) => {
      if (transport.isOpen) setImmediate(() => transport.emit('data', Buffer.from(bytes)))
    },
    onReceive: (handler) => {
      transport.toDevice = handler
    },
  }
  return { transport, link }
}
