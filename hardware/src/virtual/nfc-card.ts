import { Socket } from 'node:net'

// vpcd's control messages (one byte) from vsmartcard's VirtualSmartcard.py.
const POWER_OFF = 0
const POWER_ON = 1
const RESET = 2
const GET_ATR = 4

// PC/SC part 3 ATR of a contactless ISO 14443-3 (MIFARE Classic 1K) card, as contactless readers build it.
const CONTACTLESS_ATR = Buffer.from('3B8F8001804F0CA000000306030001000000006A', 'hex')

/**
 * A contactless GoPay card presented to Debian's virtual reader (vsmartcard-vpcd, inside pcscd).
 * vsmartcard's own emulator (vicc) only knows contact cards, which have no UID; this one answers
 * the PC/SC GET DATA for the UID (FF CA 00 00 00) as a contactless reader and card do. It speaks
 * vpcd's protocol: 2-byte big-endian length, then a control byte or an APDU.
 */
export class VirtualNfcCard {
  private socket: Socket | null = null

  constructor(private readonly vpcd: { host?: string; port?: number } = {}) {}

  /** Puts the card on the reader. */
  present(uidHex: string): Promise<void> {
    const uid = Buffer.from(uidHex, 'hex')
    return new Promise((resolve, reject) => {
      const socket = new Socket()
      let pending: Buffer = Buffer.alloc(0)
      const reply = (data: Buffer) => {
        const head = Buffer.alloc(2)
        head.writeUInt16BE(data.length)
        socket.write(Buffer.concat([head, data]))
      }
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk])
        while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
          const msg = pending.subarray(2, 2 + pending.readUInt16BE(0))
          pending = pending.subarray(2 + msg.length)
          if (msg.length === 1) {
            if (msg[0] === GET_ATR) reply(CONTACTLESS_ATR)
            else if (msg[0] !== POWER_ON && msg[0] !== POWER_OFF && msg[0] !== RESET)
              reply(Buffer.from([0x6d, 0x00]))
            continue
          }
          const getUid =
            msg.length >= 4 && msg[0] === 0xff && msg[1] === 0xca && msg[2] === 0x00 && msg[3] === 0x00
          reply(getUid ? Buffer.concat([uid, Buffer.from([0x90, 0x00])]) : Buffer.from([0x6a, 0x81]))
        }
      })
      socket.once('error', reject)
      socket.connect(this.vpcd.port ?? 35963, this.vpcd.host ?? '127.0.0.1', () => {
        socket.off('error', reject)
        socket.on('error', () => socket.destroy())
        this.socket = socket
        resolve()
      })
    })
  }

  /** Takes the card off the reader. */
  remove() {
    this.socket?.destroy()
    this.socket = null
  }
}
