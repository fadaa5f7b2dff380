import { EventEmitter } from 'node:events'
import { formatMoney } from '@gopay/vocabulary'

export type DisplayStatus = 'idle' | 'waiting' | 'paid' | 'failed' | 'expired'

/** What the customer should see now: the second window renders it, the pole display prints it. */
export interface DisplayScreen {
  status: DisplayStatus
  merchantName: string
  amount?: bigint
  currency?: string
  /** The EMVCo payload to show as a QR code while waiting. */
  qr?: string
  reference?: string
  secondsLeft?: number
  message?: string
}

/**
 * The customer-facing side of a checkout: idle, waiting for payment (with a countdown that ends in
 * `expired` by itself), paid, failed. Every change, and every second of the countdown, is emitted.
 */
export class CustomerDisplay extends EventEmitter<{ change: [DisplayScreen] }> {
  private state: DisplayScreen
  private timer: NodeJS.Timeout | null = null
  private expiresAt = 0

  constructor(
    private readonly merchantName: string,
    private readonly now: () => number = Date.now,
  ) {
    super()
    this.state = { status: 'idle', merchantName }
  }

  get screen(): DisplayScreen {
    return { ...this.state }
  }

  idle() {
    this.show({ status: 'idle', merchantName: this.merchantName })
  }

  waiting(p: { amount: bigint; currency: string; qr: string; reference: string; expiresAt: Date }) {
    this.expiresAt = p.expiresAt.getTime()
    this.show({
      status: 'waiting',
      merchantName: this.merchantName,
      amount: p.amount,
      currency: p.currency,
      qr: p.qr,
      reference: p.reference,
      secondsLeft: this.secondsLeft(),
    })
    this.timer = setInterval(() => this.tick(), 1000)
  }

  paid() {
    this.finish('paid', 'Thank you / Asante')
  }

  failed(message: string) {
    this.finish('failed', message)
  }

  private secondsLeft() {
    return Math.max(0, Math.ceil((this.expiresAt - this.now()) / 1000))
  }

  private tick() {
    if (this.state.status !== 'waiting') return
    const secondsLeft = this.secondsLeft()
    if (secondsLeft === 0) return this.finish('expired', 'Payment request expired')
    this.show({ ...this.state, secondsLeft })
  }

  private finish(status: 'paid' | 'failed' | 'expired', message: string) {
    const { qr: _qr, secondsLeft: _s, ...rest } = this.state
    this.show({ ...rest, status, message })
  }

  private show(next: DisplayScreen) {
    if (this.timer && next.status !== 'waiting') {
      clearInterval(this.timer)
      this.timer = null
    }
    if (
      this.timer &&
      this.state.status === 'waiting' &&
      next.status === 'waiting' &&
      next.reference !== this.state.reference
    ) {
      clearInterval(this.timer)
      this.timer = null
    }
    this.state = next
    this.emit('change', this.screen)
  }

  close() {
    if (this.timer) clearInterval(this.timer)
  }
}

const fit = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 20)
    .padEnd(20)

/** The two 20-character lines of a pole display for a screen (ASCII only: most poles have no more). */
export function poleLines(s: DisplayScreen): [string, string] {
  const amount = s.amount !== undefined && s.currency ? formatMoney(s.amount, s.currency) : ''
  switch (s.status) {
    case 'idle':
      return [fit('Welcome to GoPay'), fit(s.merchantName)]
    case 'waiting': {
      const left = s.secondsLeft ?? 0
      const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`
      return [fit(`PAY ${amount}`), fit(`Scan QR ${clock.padStart(12)}`)]
    }
    case 'paid':
      return [fit(`PAID ${amount}`), fit('Thank you / Asante')]
    case 'failed':
      return [fit('PAYMENT FAILED'), fit(s.message ?? '')]
    case 'expired':
      return [fit('REQUEST EXPIRED'), fit('Ask for a new QR')]
  }
}

/** Bytes for an Epson-style pole display: clear and home, then both lines in overwrite mode. */
export function poleBytes(s: DisplayScreen): Buffer {
  const [a, b] = poleLines(s)
  return Buffer.from(`\x0c${a}${b}`, 'ascii')
}

export const POLE_INIT = Buffer.from([0x1b, 0x40])
