import type { DeviceLink } from './printer'

/**
 * A virtual 2×20 pole display: keeps what it shows and every screen it has shown. A screen counts as
 * shown when the next one clears it, however the bytes of either were split on the line.
 */
export class VirtualPoleDisplay {
  private cells: string[] = Array(40).fill(' ')
  private cursor = 0
  private esc = false
  private readonly past: Array<[string, string]> = []

  constructor(link: DeviceLink) {
    link.onReceive((bytes) => this.receive(bytes))
  }

  get lines(): [string, string] {
    return [this.cells.slice(0, 20).join(''), this.cells.slice(20).join('')]
  }

  /** Every screen shown so far, the current one last; blank screens left out. */
  get history(): Array<[string, string]> {
    return this.blank() ? [...this.past] : [...this.past, this.lines]
  }

  private blank() {
    return this.cells.every((c) => c === ' ')
  }

  private receive(bytes: Buffer) {
    for (const b of bytes) {
      if (this.esc) {
        this.esc = false
        if (b === 0x40) this.clear()
        continue
      }
      if (b === 0x1b) this.esc = true
      else if (b === 0x0c) this.clear()
      else if (b === 0x0b) this.cursor = 0
      else if (b === 0x0d) this.cursor = this.cursor < 20 ? 0 : 20
      else if (b === 0x0a) this.cursor = Math.min(39, this.cursor + 20)
      else if (b >= 0x20 && b < 0x7f) {
        this.cells[this.cursor] = String.fromCharCode(b)
        this.cursor = (this.cursor + 1) % 40
      }
    }
  }

  private clear() {
    const shown = this.lines
    const last = this.past.at(-1)
    if (!this.blank() && (!last || last[0] !== shown[0] || last[1] !== shown[1])) this.past.push(shown)
    this.cells = Array(40).fill(' ')
    this.cursor = 0
  }
}
