import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { DeviceLink } from './printer'

/**
 * A TCP port (like a network printer's 9100) for a virtual device, one host at a time. With
 * `bytesPerSecond`, it reads no faster than a slow printer would, so the sender meets real back-pressure.
 */
export async function listenTcp(opts: { port?: number; bytesPerSecond?: number } = {}) {
  let current: Socket | null = null
  let handler: ((b: Buffer) => void) | null = null
  const link: DeviceLink = {
    send: (bytes) => void current?.write(bytes),
    onReceive: (h) => {
      handler = h
    },
  }
  const server: Server = createServer((socket) => {
    current?.destroy()
    current = socket
    socket.on('error', () => socket.destroy())
    if (!opts.bytesPerSecond) {
      socket.on('data', (chunk: Buffer) => handler?.(chunk))
      return
    }
    // A slow printer: a small input buffer, emptied at the line rate; a full buffer stops reading,
    // so the sender sees back-pressure as it would from real hardware.
    const bufferBytes = 256
    const tickMs = 10
    const perTick = Math.max(1, Math.round((opts.bytesPerSecond * tickMs) / 1000))
    let inbox: Buffer = Buffer.alloc(0)
    const timer = setInterval(() => {
      if (!inbox.length) return
      const piece = inbox.subarray(0, perTick)
      inbox = inbox.subarray(perTick)
      handler?.(piece)
      if (inbox.length < bufferBytes && socket.isPaused()) socket.resume()
    }, tickMs)
    socket.on('close', () => clearInterval(timer))
    socket.on('data', (chunk: Buffer) => {
      inbox = Buffer.concat([inbox, chunk])
      if (inbox.length >= bufferBytes) socket.pause()
    })
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    link,
    connection: `tcp://127.0.0.1:${port}`,
    /** The cable pulled: the current connection drops; the port takes the next one. */
    drop: () => {
      current?.destroy()
      current = null
    },
    close: () =>
      new Promise<void>((resolve) => {
        current?.destroy()
        server.close(() => resolve())
      }),
  }
}
