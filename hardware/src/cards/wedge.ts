import { EventEmitter } from 'node:events'
import type { CardReaderEvents } from './events'
import { BadSwipeError, parseSwipe } from './tracks'

/**
 * A USB magstripe reader that types as a keyboard. It is told apart from a person by timing: it
 * types a whole track with a few milliseconds between keys and ends with Enter, far faster than
 * anyone types. Keys typed at human speed are handed back (`passthrough`) for the focused field.
 */
export class KeyboardWedgeReader extends EventEmitter<CardReaderEvents & { passthrough: [string] }> {
  private burst: Array<{ key: string; at: number }> = []
  private flushTimer: NodeJS.Timeout | null = null

  constructor(
    readonly readerName = 'keyboard wedge',
    /** The longest gap between a reader's keystrokes; people rarely type faster than ~60 ms a key. */
    private readonly maxGapMs = 30,
  ) {
    super()
  }

  /** Feeds one keystroke (`Enter` for the end of a line), with when it happened. */
  key(key: string, at: number = performance.now()) {
    const last = this.burst.at(-1)
    if (last && at - last.at > this.maxGapMs) this.flush()
    if (key === 'Enter') {
      const text = this.burst.map((k) => k.key).join('')
      const looksLikeSwipe = this.burst.length >= 10 && /^[%;]/.test(text)
      this.burst = []
      if (looksLikeSwipe) return this.swipe(text)
      if (text) this.emit('passthrough', text)
      this.emit('passthrough', '\n')
      return
    }
    this.burst.push({ key, at })
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = setTimeout(() => this.flush(), this.maxGapMs * 4)
  }

  private swipe(text: string) {
    try {
      this.emit('card', { kind: 'magstripe', readerName: this.readerName, ...parseSwipe(text) })
    } catch (err) {
      if (!(err instanceof BadSwipeError)) throw err
      this.emit('bad-read', { readerName: this.readerName, message: err.message })
    }
  }

  /** A pause: what came so far was typed by a person. */
  private flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const text = this.burst.map((k) => k.key).join('')
    this.burst = []
    if (text) this.emit('passthrough', text)
  }
}
