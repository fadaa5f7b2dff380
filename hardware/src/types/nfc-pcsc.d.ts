// nfc-pcsc ships no types; this is the part GoPay uses.
declare module 'nfc-pcsc' {
  import { EventEmitter } from 'node:events'
  export class NFC extends EventEmitter {
    close(): void
  }
}
