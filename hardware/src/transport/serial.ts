import { EventEmitter } from 'node:events'
import { SerialPort } from 'serialport'
import { TransportClosedError, type Transport } from './transport'

type Binding = ConstructorParameters<typeof SerialPort>[0] extends infer O
  ? O extends { binding?: infer B }
    ? B
    : never
  : never

/**
 * A serial port (USB-serial printers, pole displays, serial card readers). Writes are paced at the
 * line's real speed by the OS; `drain` resolves when the bytes have been handed to the driver.
 */
export class SerialTransport
  extends EventEmitter<{ data: [Buffer]; close: [Error | undefined] }>
  implements Transport
{
  private port: SerialPort | null = null
  readonly description: string

  constructor(
    private readonly opts: {
      path: string
      baudRate: number
      rtscts?: boolean
      xon?: boolean
      binding?: Binding
    },
  ) {
    super()
    this.description = `serial:${opts.path}?baud=${opts.baudRate}`
  }

  get isOpen() {
    return this.port?.isOpen ?? false
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const port = new SerialPort({
        path: this.opts.path,
        baudRate: this.opts.baudRate,
        rtscts: this.opts.rtscts ?? false,
        xon: this.opts.xon ?? false,
        xoff: this.opts.xon ?? false,
        autoOpen: false,
        ...(this.opts.binding ? { binding: this.opts.binding } : {}),
      })
      port.open((err) => {
        if (err) return reject(err)
        port.on('data', (d: Buffer) => this.emit('data', d))
        port.on('error', () => undefined)
        port.on('close', (e?: Error) => {
          this.port = null
          this.emit('close', e ?? undefined)
        })
        this.port = port
        resolve()
      })
    })
  }

  write(bytes: Buffer): Promise<void> {
    const port = this.port
    if (!port?.isOpen) return Promise.reject(new TransportClosedError(this.description))
    return new Promise((resolve, reject) => {
      port.write(bytes, (err) => {
        if (err) return reject(err)
        port.drain((e) => (e ? reject(e) : resolve()))
      })
    })
  }

  close(): Promise<void> {
    const port = this.port
    if (!port?.isOpen) return Promise.resolve()
    return new Promise((resolve) => port.close(() => resolve()))
  }
}
