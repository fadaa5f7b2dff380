import type { Transport } from '../transport/transport'

/** What an ESC/POS printer says of itself through real-time status (DLE EOT n). */
export interface PrinterStatus {
  /** It answered at all: a printer that is off or unplugged does not. */
  reachable: boolean
  /**
   * Something answered, but not as an ESC/POS printer does (text from a web server, the wrong device
   * or the wrong baud rate): none of the other fields then means anything.
   */
  notAPrinter: boolean
  online: boolean
  coverOpen: boolean
  paperNearEnd: boolean
  paperOut: boolean
  cutterError: boolean
  unrecoverableError: boolean
  autoRecoverableError: boolean
  /** Reachable, online, paper in, cover shut, no error: a job may be sent. */
  ready: boolean
}

export const DLE_EOT = (n: 1 | 2 | 3 | 4) => Buffer.from([0x10, 0x04, n])

// Every real-time status byte has bits 1 and 4 set and bits 0 and 7 clear (Epson's fixed bits).
export const isStatusByte = (b: number) => (b & 0x93) === 0x12

export function unreachable(): PrinterStatus {
  return {
    reachable: false,
    notAPrinter: false,
    online: false,
    coverOpen: false,
    paperNearEnd: false,
    paperOut: false,
    cutterError: false,
    unrecoverableError: false,
    autoRecoverableError: false,
    ready: false,
  }
}

/** Reads the four status bytes (n = 1..4), in order. */
export function decodeStatus([printer, offline, error, paper]: [
  number,
  number,
  number,
  number,
]): PrinterStatus {
  const s = {
    reachable: true,
    notAPrinter: false,
    online: (printer & 0x08) === 0,
    coverOpen: (offline & 0x04) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offline & 0x20) !== 0,
    cutterError: (error & 0x08) !== 0,
    unrecoverableError: (error & 0x20) !== 0,
    autoRecoverableError: (error & 0x40) !== 0,
  }
  return {
    ...s,
    ready:
      s.online &&
      !s.coverOpen &&
      !s.paperOut &&
      !s.cutterError &&
      !s.unrecoverableError &&
      !s.autoRecoverableError,
  }
}

function notAPrinter(): PrinterStatus {
  return { ...unreachable(), reachable: true, notAPrinter: true }
}

export function describeStatus(s: PrinterStatus): string {
  if (!s.reachable) return 'not answering (off, unplugged or wrong connection)'
  if (s.notAPrinter)
    return 'not a printer (something answered, but not as an ESC/POS printer: check the address, port or baud rate)'
  const problems = [
    s.coverOpen && 'cover open',
    s.paperOut && 'out of paper',
    s.cutterError && 'cutter jammed',
    s.unrecoverableError && 'unrecoverable error',
    s.autoRecoverableError && 'recoverable error',
    !s.online && !s.coverOpen && !s.paperOut && 'offline',
  ].filter(Boolean)
  if (problems.length) return problems.join(', ')
  return s.paperNearEnd ? 'ready, paper low' : 'ready'
}

/**
 * Asks the printer for its four status bytes, one DLE EOT at a time. A printer answers each with one
 * byte whose fixed bits are right, though the bytes may arrive late, split or bunched. So the whole
 * reply is exactly four such bytes: a byte with wrong fixed bits, or more bytes than were asked for,
 * is a device that is not a printer (a web server's text holds bytes that pass the bit test alone).
 * No answer within `timeoutMs` means the printer is unreachable, never "connected".
 */
export async function readStatus(transport: Transport, timeoutMs = 500): Promise<PrinterStatus> {
  if (!transport.isOpen) return unreachable()
  const replies: number[] = []
  let foreign = false
  let wake: (() => void) | null = null
  const onData = (chunk: Buffer) => {
    for (const b of chunk) {
      if (isStatusByte(b)) replies.push(b)
      else foreign = true
    }
    wake?.()
  }
  transport.on('data', onData)
  try {
    for (const n of [1, 2, 3, 4] as const) {
      await transport.write(DLE_EOT(n))
      const deadline = Date.now() + timeoutMs
      while (replies.length < n && !foreign) {
        const left = deadline - Date.now()
        if (left <= 0) return unreachable()
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left)
          wake = () => {
            clearTimeout(t)
            resolve()
          }
        })
        wake = null
      }
      if (foreign || replies.length > 4) return notAPrinter()
    }
    return decodeStatus(replies as [number, number, number, number])
  } catch {
    return unreachable()
  } finally {
    transport.off('data', onData)
  }
}
