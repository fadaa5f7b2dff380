import { EventEmitter } from 'node:events'
import type { CardReaderEvents } from './events'

/** Why PC/SC cannot be used here, or null when it can. */
export async function pcscUnavailable(): Promise<string | null> {
  try {
    await import('nfc-pcsc')
    return null
  } catch (err) {
    return `nfc-pcsc could not load (${String(err).split('\n')[0]}): install Debian's pcscd and libpcsclite-dev, then npm ci`
  }
}

/**
 * NFC readers through PC/SC (pcscd) with nfc-pcsc: every reader plugged in, now or later, reports
 * the UID of each card tapped on it.
 */
export class PcscNfcReaders extends EventEmitter<
  CardReaderEvents & { reader: [string]; 'reader-gone': [string] }
> {
  private nfc: import('nfc-pcsc').NFC | null = null

  async start() {
    const { NFC } = await import('nfc-pcsc')
    const nfc = new NFC()
    this.nfc = nfc
    nfc.on('reader', (reader: { name: string; on(e: string, f: (x: never) => void): void }) => {
      this.emit('reader', reader.name)
      reader.on('card', (card: { uid?: string }) => {
        if (card.uid) this.emit('card', { kind: 'nfc', uid: card.uid.toUpperCase(), readerName: reader.name })
        else
          this.emit('bad-read', {
            readerName: reader.name,
            message: 'The card did not give its number. Tap again.',
          })
      })
      reader.on('error', (err: Error) =>
        this.emit('bad-read', {
          readerName: reader.name,
          message: `Could not read the card (${err.message}). Tap again.`,
        }),
      )
      reader.on('end', () => this.emit('reader-gone', reader.name))
    })
    nfc.on('error', () => undefined)
  }

  stop() {
    this.nfc?.close()
    this.nfc = null
  }
}
