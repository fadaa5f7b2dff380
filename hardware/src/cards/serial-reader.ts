import { EventEmitter } from 'node:events'
import type { Transport } from '../transport/transport'
import type { CardReaderEvents } from './events'
import { BadSwipeError, parseSwipe } from './tracks'

/**
 * A card reader on a serial line. Magstripe readers send the tracks followed by CR/LF; serial NFC
 * readers send `UID:<hex>` lines. Lines may arrive in pieces.
 */
export class SerialCardReader extends EventEmitter<CardReaderEvents> {
  private partial = ''

  constructor(
    private readonly transport: Transport,
    readonly readerName = transport.description,
  ) {
    super()
    transport.on('data', (chunk) => this.receive(chunk.toString('latin1')))
  }

  open() {
    return this.transport.open()
  }

  close() {
    return this.transport.close()
  }

  private receive(text: string) {
    this.partial += text
    let end: number
    while ((end = this.partial.search(/[\r\n]/)) >= 0) {
      const line = this.partial.slice(0, end).trim()
      this.partial = this.partial.slice(end + 1)
      if (line) this.line(line)
    }
    // A reader that never ends its line is not allowed to fill memory.
    if (this.partial.length > 512) this.partial = ''
  }

  private line(line: string) {
    const uid = /^UID:([0-9A-Fa-f]{8,20})$/.exec(line)
    if (uid)
      return this.emit('card', { kind: 'nfc', uid: uid[1]!.toUpperCase(), readerName: this.readerName })
    try {
      this.emit('card', { kind: 'magstripe', readerName: this.readerName, ...parseSwipe(line) })
    } catch (err) {
      if (!(err instanceof BadSwipeError)) throw err
      this.emit('bad-read', { readerName: this.readerName, message: err.message })
    }
  }
}
