/**
 * Devices are named by connection strings (CONTRACT.md): `serial:/dev/ttyUSB0?baud=115200`,
 * `tcp://10.0.0.20:9100`, or `virtual` (the in-process virtual device).
 */
export type Connection =
  | { kind: 'serial'; path: string; baudRate: number; rtscts: boolean; xon: boolean }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'virtual' }

export class ConnectionError extends Error {}

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400]

export function parseConnection(text: string): Connection {
  const s = text.trim()
  if (s === 'virtual') return { kind: 'virtual' }
  if (s.startsWith('serial:')) {
    const [path, query = ''] = s.slice('serial:'.length).split('?', 2)
    if (!path || !path.startsWith('/'))
      throw new ConnectionError(
        `"${text}": a serial connection names a device path, such as serial:/dev/ttyUSB0`,
      )
    const q = new URLSearchParams(query)
    const baudRate = Number(q.get('baud') ?? 9600)
    if (!BAUD_RATES.includes(baudRate))
      throw new ConnectionError(`"${text}": baud must be one of ${BAUD_RATES.join(', ')}`)
    const flow = q.get('flow') ?? 'none'
    if (!['none', 'rtscts', 'xonxoff'].includes(flow))
      throw new ConnectionError(`"${text}": flow is none, rtscts or xonxoff`)
    return { kind: 'serial', path, baudRate, rtscts: flow === 'rtscts', xon: flow === 'xonxoff' }
  }
  if (s.startsWith('tcp://')) {
    let url: URL
    try {
      url = new URL(s)
    } catch {
      throw new ConnectionError(`"${text}": not a tcp://host:port address`)
    }
    const port = Number(url.port || 9100)
    if (!url.hostname || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new ConnectionError(`"${text}": not a tcp://host:port address`)
    return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port }
  }
  throw new ConnectionError(`"${text}": use serial:/dev/…?baud=…, tcp://host:9100 or virtual`)
}
