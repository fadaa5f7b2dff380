import iconv from 'iconv-lite'

export type ReceiptItem =
  | { type: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; big: boolean }
  | { type: 'qr'; data: string }

export interface DecodedReceipt {
  /** What the customer reads, a printed line each (styling dropped). */
  lines: string[]
  /** Everything printed, in order, with its styling: what the PNG rendering draws. */
  items: ReceiptItem[]
  /** The payloads of the QR codes printed (GS ( k). */
  qrCodes: string[]
  barcodes: string[]
  cut: boolean
}

// ESC t n → the code page a printer uses for bytes 0x80–0xFF (Epson's table numbers).
const codePages: Record<number, string> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  16: 'cp1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
}

const newReceipt = (): DecodedReceipt => ({ lines: [], items: [], qrCodes: [], barcodes: [], cut: false })

/**
 * Turns an ESC/POS byte stream back into text, as a printer would print it. Bytes may arrive in any
 * split: an incomplete command waits for the rest. Real-time status requests are reported to
 * `onStatusRequest` as they arrive, as a printer answers them ahead of the print data.
 */
export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0)
  private text: number[] = []
  private codePage = 'cp437'
  private current = newReceipt()
  private qrData = ''
  private align: 'left' | 'center' | 'right' = 'left'
  private bold = false
  private big = false
  readonly receipts: DecodedReceipt[] = []

  constructor(
    private readonly hooks: { onStatusRequest?(n: number): void; onReceipt?(r: DecodedReceipt): void } = {},
  ) {}

  /** Lines printed since the last cut (a receipt not yet cut off). */
  get uncut(): DecodedReceipt {
    return {
      ...this.current,
      lines: [...this.current.lines, ...(this.text.length ? [this.decodeText()] : [])],
    }
  }

  feed(chunk: Buffer) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk
    let i = 0
    for (;;) {
      const used = this.step(this.pending, i)
      if (used === 0) break
      i += used
    }
    this.pending = this.pending.subarray(i)
  }

  private decodeText() {
    const s = iconv.decode(Buffer.from(this.text), this.codePage)
    this.text = []
    return s.replace(/\s+$/, '')
  }

  private endLine() {
    const text = this.decodeText()
    this.current.lines.push(text)
    this.current.items.push({ type: 'text', text, align: this.align, bold: this.bold, big: this.big })
  }

  private cut() {
    if (this.text.length) this.endLine()
    this.current.cut = true
    this.receipts.push(this.current)
    this.hooks.onReceipt?.(this.current)
    this.current = newReceipt()
  }

  /** Consumes one command or byte at `i`; answers how many bytes, or 0 when more are needed. */
  private step(b: Buffer, i: number): number {
    if (i >= b.length) return 0
    const need = (n: number) => (i + n <= b.length ? n : 0)
    const c = b[i]!
    if (c === 0x0a) return (this.endLine(), 1)
    if (c === 0x0d || c === 0x0c || c === 0x18) return 1
    if (c === 0x09) return (this.text.push(0x20, 0x20, 0x20, 0x20), 1)
    if (c === 0x10) {
      if (!need(3)) return 0
      if (b[i + 1] === 0x04) this.hooks.onStatusRequest?.(b[i + 2]!)
      return 3
    }
    if (c === 0x1b) {
      if (!need(2)) return 0
      const f = b[i + 1]!
      switch (f) {
        case 0x40: // ESC @ init
          this.codePage = 'cp437'
          this.align = 'left'
          this.bold = false
          this.big = false
          return 2
        case 0x61: // ESC a n: alignment
          if (!need(3)) return 0
          this.align = (['left', 'center', 'right'] as const)[b[i + 2]! % 48] ?? 'left'
          return 3
        case 0x45: // ESC E n: bold
          if (!need(3)) return 0
          this.bold = (b[i + 2]! & 1) === 1
          return 3
        case 0x21: // ESC ! n: print mode (0x30: double height and width)
          if (!need(3)) return 0
          this.bold = (b[i + 2]! & 0x08) !== 0
          this.big = (b[i + 2]! & 0x30) !== 0
          return 3
        case 0x32: // ESC 2
          return 2
        case 0x74: {
          // ESC t n
          if (!need(3)) return 0
          this.codePage = codePages[b[i + 2]!] ?? 'cp437'
          return 3
        }
        case 0x70: // ESC p m t1 t2 (drawer)
          return need(5)
        case 0x24:
        case 0x5c: // ESC $ / ESC \ nL nH
          return need(4)
        case 0x63:
        case 0x42: // ESC c x n, ESC B n t
          return need(4)
        case 0x2a: {
          // ESC * m nL nH data
          if (!need(5)) return 0
          const m = b[i + 2]!
          const dots = b[i + 3]! + b[i + 4]! * 256
          return need(5 + (m >= 32 ? dots * 3 : dots))
        }
        default: // ESC x n: one parameter byte (E, -, a, !, M, G, {, V, d, J, 3, R, r, SP, U…)
          return need(3)
      }
    }
    if (c === 0x1d) {
      if (!need(2)) return 0
      const f = b[i + 1]!
      if (f === 0x56) {
        // GS V m [n]: cut
        if (!need(3)) return 0
        const m = b[i + 2]!
        const len = m === 65 || m === 66 || m === 97 || m === 98 ? 4 : 3
        if (!need(len)) return 0
        this.cut()
        return len
      }
      if (f === 0x28) {
        // GS ( x pL pH data
        if (!need(5)) return 0
        const len = b[i + 3]! + b[i + 4]! * 256
        if (!need(5 + len)) return 0
        if (b[i + 2] === 0x6b && len >= 3 && b[i + 5] === 0x31) {
          const fn = b[i + 6]!
          if (fn === 0x50) this.qrData = iconv.decode(b.subarray(i + 8, i + 5 + len), 'latin1')
          if (fn === 0x51) {
            this.current.qrCodes.push(this.qrData)
            this.current.items.push({ type: 'qr', data: this.qrData })
          }
        }
        return 5 + len
      }
      if (f === 0x6b) {
        // GS k m …: a barcode
        if (!need(3)) return 0
        const m = b[i + 2]!
        if (m <= 6) {
          const end = b.indexOf(0, i + 3)
          if (end < 0) return 0
          this.current.barcodes.push(b.subarray(i + 3, end).toString('latin1'))
          return end + 1 - i
        }
        if (!need(4)) return 0
        const n = b[i + 3]!
        if (!need(4 + n)) return 0
        this.current.barcodes.push(b.subarray(i + 4, i + 4 + n).toString('latin1'))
        return 4 + n
      }
      if (f === 0x76) {
        // GS v 0 m xL xH yL yH data: raster image
        if (!need(8)) return 0
        return need(8 + (b[i + 4]! + b[i + 5]! * 256) * (b[i + 6]! + b[i + 7]! * 256))
      }
      if (f === 0x4c || f === 0x57 || f === 0x50 || f === 0x24) return need(4) // GS L/W/P/$ nL nH
      if (f === 0x21) {
        // GS ! n: character size
        if (!need(3)) return 0
        this.big = b[i + 2]! !== 0
        return 3
      }
      return need(3) // GS B n, GS h n, GS w n, GS H n, GS f n, GS b n, GS a n
    }
    if (c === 0x1c) {
      if (!need(2)) return 0
      return b[i + 1] === 0x70 ? need(4) : 2
    }
    this.text.push(c)
    return 1
  }
}
