import type { KeyboardWedgeReader } from '../cards/wedge'
import type { DeviceLink } from './printer'

/** Track data of a test card, as a reader would send it. */
export function trackData(c: { pan: string; name: string; expiry: string; serviceCode?: string }) {
  const [given, ...rest] = c.name.toUpperCase().split(' ')
  const sc = c.serviceCode ?? '101'
  return `%B${c.pan}^${rest.join(' ')}/${given}^${c.expiry}${sc}000000?;${c.pan}=${c.expiry}${sc}00000?`
}

/** A virtual serial card reader: swipes and taps go down the line as a real reader sends them. */
export class VirtualSerialCardReader {
  constructor(private readonly link: DeviceLink) {}

  swipe(tracks: string) {
    this.link.send(Buffer.from(`${tracks}\r\n`, 'latin1'))
  }

  tap(uid: string) {
    this.link.send(Buffer.from(`UID:${uid}\r\n`, 'latin1'))
  }

  /** A swipe the reader could not read. */
  badSwipe() {
    this.link.send(Buffer.from('%E?;E?\r\n', 'latin1'))
  }
}

/** Types into a keyboard-wedge reader as a device (a few ms a key) or as a person would. */
export function typeInto(reader: KeyboardWedgeReader, text: string, opts: { gapMs: number; start?: number }) {
  let at = opts.start ?? 0
  for (const ch of text) {
    reader.key(ch, at)
    at += opts.gapMs
  }
  reader.key('Enter', at)
  return at
}
