import { EventEmitter } from 'node:events'
import { Socket } from 'node:net'
import { TransportClosedError, type Transport } from './transport'

/**
 * A raw TCP printer port (9100). Writes go out in chunks, each waiting for the socket to drain:
 * slow printers with small buffers stall on one large write (a known node-thermal-printer complaint).
 */
export class TcpTransport
  extends EventEmitter<{ data: [Buffer]; close: [Error | undefined] }>
  implements Transport
{
  private socket: Socket | null = null
  readonly description: string

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly opts: { connectTimeoutMs?: number; chunkBytes?: number } = {},
  ) {
    super()
    this.description = `tcp://${host}:${port}`
  }

  get isOpen() {
    return this.socket !== null && !this.socket.destroyed
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const socket = new Socket()
      socket.setNoDelay(true)
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error(`${this.description}: no answer within ${this.opts.connectTimeoutMs ?? 3000} ms`))
      }, this.opts.connectTimeoutMs ?? 3000)
      socket.once('error', (err) => {
        clearTimeout(timer)
        reject(err)
      })
      socket.connect(this.port, this.host, () => {
        clearTimeout(timer)
        socket.removeAllListeners('error')
        socket.on('error', () => socket.destroy())
        socket.on('data', (d: Buffer) => this.emit('data', d))
        socket.on('close', (hadError) => {
          this.socket = null
          this.emit('close', hadError ? new Error(`${this.description} closed with an error`) : undefined)
        })
        this.socket = socket
        resolve()
      })
    })
  }

  async write(bytes: Buffer) {
    const chunk = this.opts.chunkBytes ?? 1024
    for (let i = 0; i < bytes.length; i += chunk) {
      const socket = this.socket
      if (!socket || socket.destroyed) throw new TransportClosedError(this.description)
      const flushed = socket.write(bytes.subarray(i, i + chunk))
      if (!flushed)
        await new Promise<void>((resolve, reject) => {
          const onClose = () => reject(new TransportClosedError(this.description))
          socket.once('close', onClose)
          socket.once('drain', () => {
            socket.off('close', onClose)
            resolve()
          })
        })
    }
  }

  async close() {
    const socket = this.socket
    if (!socket) return
    await new Promise<void>((resolve) => socket.end(resolve))
    socket.destroy()
  }
}
