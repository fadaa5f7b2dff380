import { EventEmitter } from 'node:events'
import { EscPosDecoder, type DecodedReceipt } from './escpos-decoder'

export interface VirtualPrinterState {
  /** Switched off or unplugged: it answers nothing. */
  off: boolean
  paperOut: boolean
  paperNearEnd: boolean
  coverOpen: boolean
}

/** The printer's side of a connection: bytes to the host, and bytes from it. */
export interface DeviceLink {
  send(bytes: Buffer): void
  onReceive(handler: (bytes: Buffer) => void): void
}

/**
 * A virtual Epson receipt printer. It answers DLE EOT like a real one (paper out, cover open and
 * power switchable), and prints what it receives: data that arrives while it cannot print (paper
 * out, cover open) waits in its buffer and prints once it can, as a real printer's input buffer does.
 */
export class VirtualPrinter extends EventEmitter<{ receipt: [DecodedReceipt] }> {
  readonly state: VirtualPrinterState = { off: false, paperOut: false, paperNearEnd: false, coverOpen: false }
  private held: Buffer[] = []
  private readonly decoder: EscPosDecoder
  private readonly statusOnly: EscPosDecoder

  constructor(private readonly link: DeviceLink) {
    super()
    this.decoder = new EscPosDecoder({ onReceipt: (r) => this.emit('receipt', r) })
    // Real-time commands are answered at once, even with print data waiting in the buffer.
    this.statusOnly = new EscPosDecoder({ onStatusRequest: (n) => this.answerStatus(n) })
    link.onReceive((bytes) => this.receive(bytes))
  }

  get receipts() {
    return this.decoder.receipts
  }

  get canPrint() {
    return !this.state.off && !this.state.paperOut && !this.state.coverOpen
  }

  set(change: Partial<VirtualPrinterState>) {
    Object.assign(this.state, change)
    if (this.canPrint) {
      const waiting = this.held
      this.held = []
      for (const bytes of waiting) this.decoder.feed(bytes)
    }
  }

  private receive(bytes: Buffer) {
    if (this.state.off) return
    this.statusOnly.feed(bytes)
    if (this.canPrint) this.decoder.feed(bytes)
    else this.held.push(bytes)
  }

  statusByte(n: number): number {
    const s = this.state
    const stopped = s.paperOut || s.coverOpen
    switch (n) {
      case 1:
        return 0x12 | (stopped ? 0x08 : 0)
      case 2:
        return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0)
      case 3:
        return 0x12
      default:
        return 0x12 | (s.paperNearEnd || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0)
    }
  }

  private answerStatus(n: number) {
    if (!this.state.off) this.link.send(Buffer.from([this.statusByte(n)]))
  }
}
