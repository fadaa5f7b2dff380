import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SerialTransport } from '../transport/serial'
import { linkOf } from '../transport/open'
import { trackData, typeInto, VirtualSerialCardReader } from '../virtual/card-reader'
import { hasSocat, openPtyPair, type PtyPair } from '../virtual/pty'
import type { CardEvent } from './events'
import { SerialCardReader } from './serial-reader'
import { BadSwipeError, parseSwipe, parseTrack1, parseTrack2 } from './tracks'
import { KeyboardWedgeReader } from './wedge'

const card = { pan: '4111111111111111', name: 'Amina Odhiambo', expiry: '2912' }

describe('ISO 7813 tracks', () => {
  it('reads track 1, track 2 and both together', () => {
    expect(parseTrack1('%B4111111111111111^ODHIAMBO/AMINA^2912101000000?')).toMatchObject({
      pan: '4111111111111111',
      name: 'AMINA ODHIAMBO',
      expiry: '2912',
      serviceCode: '101',
    })
    expect(parseTrack2(';4111111111111111=291210100000?')).toMatchObject({
      pan: '4111111111111111',
      expiry: '2912',
      serviceCode: '101',
    })
    expect(parseSwipe(trackData(card))).toMatchObject({
      pan: card.pan,
      name: 'AMINA ODHIAMBO',
      track1: expect.stringMatching(/^%B/),
      track2: expect.stringMatching(/^;/),
    })
  })

  it.each([
    ['%E?;E?', /could not read/],
    [';4111111111111112=2912101?', /check digit/],
    ['%B4111111111111111^ODHIAMBO/AMINA^29', /incomplete/],
    [';4111111111111111=2913101?', /expiry/],
    ['%B4111111111111111^A/B^2912101?;5555555555554444=2912101?', /disagree/],
    ['hello', /No card track/],
  ])('refuses %s with a clear message', (raw, message) => {
    expect(() => parseSwipe(raw)).toThrow(BadSwipeError)
    expect(() => parseSwipe(raw)).toThrow(message)
  })
})

describe('keyboard-wedge reader', () => {
  it('takes a fast burst ending in Enter as a swipe', () => {
    const reader = new KeyboardWedgeReader()
    const cards: CardEvent[] = []
    reader.on('card', (c) => cards.push(c))
    typeInto(reader, trackData(card), { gapMs: 4 })
    expect(cards).toEqual([
      expect.objectContaining({ kind: 'magstripe', pan: card.pan, readerName: 'keyboard wedge' }),
    ])
  })

  it('hands a person typing the same characters back as typing, not a card', () => {
    const reader = new KeyboardWedgeReader()
    const cards: CardEvent[] = []
    const typed: string[] = []
    reader.on('card', (c) => cards.push(c))
    reader.on('passthrough', (t) => typed.push(t))
    typeInto(reader, ';4111111111111111=2912101?', { gapMs: 140 })
    expect(cards).toEqual([])
    expect(typed.join('')).toBe(';4111111111111111=2912101?\n')
  })

  it('reports a bad swipe', () => {
    const reader = new KeyboardWedgeReader()
    const bad: string[] = []
    reader.on('bad-read', (b) => bad.push(b.message))
    typeInto(reader, ';4111111111111112=2912101000?', { gapMs: 3 })
    expect(bad).toEqual([expect.stringContaining('check digit')])
  })
})

describe.skipIf(!hasSocat())('serial card reader (socat pty)', () => {
  let pty: PtyPair
  let device: SerialTransport
  let virtual: VirtualSerialCardReader
  let reader: SerialCardReader
  beforeAll(async () => {
    pty = await openPtyPair()
    device = new SerialTransport({ path: pty.devicePath, baudRate: 9600 })
    await device.open()
    virtual = new VirtualSerialCardReader(linkOf(device))
    reader = new SerialCardReader(
      new SerialTransport({ path: pty.hostPath, baudRate: 9600 }),
      'counter reader',
    )
    await reader.open()
  })
  afterAll(async () => {
    await reader.close()
    await device.close()
    await pty.close()
  })

  it('emits swipes, taps and bad swipes as card events', async () => {
    let next = once(reader, 'card')
    virtual.swipe(trackData(card))
    expect((await next)[0]).toMatchObject({
      kind: 'magstripe',
      pan: card.pan,
      name: 'AMINA ODHIAMBO',
      readerName: 'counter reader',
    })
    next = once(reader, 'card')
    virtual.tap('04a2b3c4d5e680')
    expect((await next)[0]).toEqual({ kind: 'nfc', uid: '04A2B3C4D5E680', readerName: 'counter reader' })
    const bad = once(reader, 'bad-read')
    virtual.badSwipe()
    expect((await bad)[0].message).toContain('could not read')
  })
})
