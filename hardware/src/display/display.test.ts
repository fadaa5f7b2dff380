import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SerialTransport } from '../transport/serial'
import { linkOf } from '../transport/open'
import { hasSocat, openPtyPair, type PtyPair } from '../virtual/pty'
import { VirtualPoleDisplay } from '../virtual/pole-display'
import { CustomerDisplay, poleLines, type DisplayScreen } from './customer-display'
import { attachPoleDisplay } from './pole-display'

describe('customer display', () => {
  it('counts down while waiting and expires by itself', () => {
    vi.useFakeTimers({ now: 0 })
    const d = new CustomerDisplay('Duka La Jamii')
    const seen: DisplayScreen[] = []
    d.on('change', (s) => seen.push(s))
    d.waiting({
      amount: 150_050n,
      currency: 'KES',
      qr: '000201010212...',
      reference: 'R1',
      expiresAt: new Date(3_000),
    })
    expect(d.screen).toMatchObject({ status: 'waiting', secondsLeft: 3, qr: '000201010212...' })
    vi.advanceTimersByTime(1_000)
    expect(d.screen.secondsLeft).toBe(2)
    vi.advanceTimersByTime(2_000)
    expect(d.screen).toMatchObject({ status: 'expired', message: 'Payment request expired' })
    expect(d.screen.qr).toBeUndefined()
    expect(seen.map((s) => s.status)).toEqual(['waiting', 'waiting', 'waiting', 'expired'])
    vi.advanceTimersByTime(5_000)
    expect(seen).toHaveLength(4)
    d.close()
    vi.useRealTimers()
  })

  it('shows paid and failed, and fits every status in 2×20 ASCII', () => {
    const d = new CustomerDisplay('Duka La Jamii & Sons Supermarket Ltd')
    const screens: DisplayScreen[] = [d.screen]
    d.on('change', (s) => screens.push(s))
    d.waiting({
      amount: 123_456_789n,
      currency: 'KES',
      qr: 'x',
      reference: 'R2',
      expiresAt: new Date(Date.now() + 300_000),
    })
    d.paid()
    d.failed('Declined: insufficient funds')
    d.close()
    for (const s of screens) for (const l of poleLines(s)) expect(l).toMatch(/^[\x20-\x7e]{20}$/)
    expect(poleLines(screens[1]!)).toEqual(['PAY KES 1,234,567.89', 'Scan QR         5:00'])
    expect(poleLines(screens[2]!)[0]).toBe('PAID KES 1,234,567.8')
  })
})

describe.skipIf(!hasSocat())('pole display over a serial line (socat pty)', () => {
  let pty: PtyPair
  let device: SerialTransport
  let pole: VirtualPoleDisplay
  beforeAll(async () => {
    pty = await openPtyPair()
    device = new SerialTransport({ path: pty.devicePath, baudRate: 9600 })
    await device.open()
    pole = new VirtualPoleDisplay(linkOf(device))
  })
  afterAll(async () => {
    await device.close()
    await pty.close()
  })

  it('shows each status the customer display goes through', async () => {
    const d = new CustomerDisplay('Duka La Jamii')
    const attached = await attachPoleDisplay(d, new SerialTransport({ path: pty.hostPath, baudRate: 9600 }))
    const settle = () => new Promise((r) => setTimeout(r, 100))
    await settle()
    expect(pole.lines).toEqual(['Welcome to GoPay    ', 'Duka La Jamii       '])
    d.waiting({
      amount: 50_000n,
      currency: 'KES',
      qr: 'x',
      reference: 'R3',
      expiresAt: new Date(Date.now() + 90_000),
    })
    await settle()
    expect(pole.lines[0]).toBe('PAY KES 500.00      ')
    expect(pole.lines[1]).toMatch(/^Scan QR {9}1:[23]\d$/)
    d.paid()
    await settle()
    expect(pole.lines).toEqual(['PAID KES 500.00     ', 'Thank you / Asante  '])
    expect(pole.history.map((h) => h[0].trim())).toEqual([
      'Welcome to GoPay',
      'PAY KES 500.00',
      'PAID KES 500.00',
    ])
    d.close()
    await attached.close()
  })
})
