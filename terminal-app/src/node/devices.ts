import { EventEmitter } from 'node:events'
import { describeStatus, type PrinterStatus, type TerminalDevices } from '@gopay/hardware'
import type { DeviceStatus } from '../bridge/contract'

export interface DeviceManagerEvents {
  status: [DeviceStatus]
  card: [{ kind: 'nfc'; uid: string } | { kind: 'magstripe'; pan: string }]
  badRead: [{ message: string }]
}

function printerState(s: PrinterStatus): DeviceStatus['printer']['state'] {
  if (!s.reachable || (!s.online && !s.paperOut && !s.coverOpen)) return 'offline'
  if (s.paperOut) return 'paper-out'
  if (s.coverOpen) return 'cover-open'
  return s.ready ? 'ready' : 'offline'
}

/**
 * The terminal's view of its peripherals: the printer's state (polled only while its queue is idle,
 * so a status read never interleaves with the queue's own), the card reader and the display, and
 * the core connection as the terminal last saw it. Emits `status` on every change.
 */
export function createDeviceManager(
  devices: TerminalDevices,
  opts: { pollMs?: number; poleDisplay?: boolean } = {},
) {
  const emitter = new EventEmitter<DeviceManagerEvents>()
  let status: DeviceStatus = {
    core: 'online',
    printer: devices.printer
      ? { state: 'offline', message: 'checking', waiting: 0 }
      : { state: 'none', message: 'no printer configured', waiting: 0 },
    cardReader: devices.cardReader ? 'connected' : 'none',
    display: opts.poleDisplay ? 'connected' : 'window',
  }
  const set = (change: Partial<DeviceStatus>) => {
    const next = { ...status, ...change }
    if (JSON.stringify(next) === JSON.stringify(status)) return
    status = next
    emitter.emit('status', status)
  }
  const printer = devices.printer
  const waiting = () => printer?.queued.length ?? 0
  printer?.on('attention', ({ status: s, message }) =>
    set({ printer: { state: printerState(s), message, waiting: waiting() } }),
  )
  printer?.on('printed', () => set({ printer: { state: 'ready', message: 'ready', waiting: waiting() } }))
  // Cut off part-way: it may be partly on paper and is never resent; the operator reprints it.
  printer?.on('interrupted', ({ message }) =>
    set({ printer: { ...status.printer, message: `${message} — use Print again` } }),
  )

  devices.cardReader?.on('card', (c) =>
    emitter.emit('card', c.kind === 'nfc' ? { kind: 'nfc', uid: c.uid } : { kind: 'magstripe', pan: c.pan }),
  )
  devices.cardReader?.on('bad-read', ({ message }) => emitter.emit('badRead', { message }))

  let timer: NodeJS.Timeout | null = null
  let polling = false
  const poll = async () => {
    if (!printer || polling || waiting() > 0) return
    polling = true
    try {
      const s = await printer.status()
      if (waiting() === 0)
        set({ printer: { state: printerState(s), message: describeStatus(s), waiting: 0 } })
    } finally {
      polling = false
    }
  }
  if (printer) {
    void poll()
    timer = setInterval(() => void poll(), opts.pollMs ?? 2000)
  }
  return Object.assign(emitter, {
    current: () => status,
    setCore(core: DeviceStatus['core']) {
      set({ core })
    },
    refreshPrinter: poll,
    stop() {
      if (timer) clearInterval(timer)
    },
  })
}
export type DeviceManager = ReturnType<typeof createDeviceManager>
