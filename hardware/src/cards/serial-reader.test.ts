import { MockBinding } from '@serialport/binding-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { SerialTransport } from '../transport/serial'
import { trackData } from '../virtual/card-reader'
import type { CardEvent } from './events'
import { SerialCardReader } from './serial-reader'

// Line framing with serialport's mock binding: what arrives in pieces, bunched, or never ends.
describe('serial card reader framing (serialport mock binding)', () => {
  afterEach(() => MockBinding.reset())

  async function reader() {
    MockBinding.createPort('/dev/ttyMOCK0', { echo: false, record: true })
    const transport = new SerialTransport({ path: '/dev/ttyMOCK0', baudRate: 9600, binding: MockBinding })
    const r = new SerialCardReader(transport, 'mock reader')
    await r.open()
    // The mock port's own binding, to push bytes as the device would.
    const port = (transport as unknown as { port: { port: { emitData(d: Buffer | string): void } } }).port
      .port
    const events: Array<CardEvent | string> = []
    r.on('card', (c) => events.push(c))
    r.on('bad-read', (b) => events.push(b.message))
    return { port, events, close: () => r.close() }
  }
  const settle = () => new Promise((r) => setTimeout(r, 20))

  it('joins a swipe split over many reads', async () => {
    const { port, events, close } = await reader()
    const line = `${trackData({ pan: '5555555555554444', name: 'Baraka Mwangi', expiry: '3001' })}\r\n`
    for (let i = 0; i < line.length; i += 7) {
      port.emitData(line.slice(i, i + 7))
      await settle()
    }
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'magstripe',
        pan: '5555555555554444',
        name: 'BARAKA MWANGI',
        readerName: 'mock reader',
      }),
    ])
    await close()
  })

  it('splits several events that arrive in one read', async () => {
    const { port, events, close } = await reader()
    port.emitData('UID:04AABBCCDD\r\nUID:04EEFF0011\n%E?\r\n')
    await settle()
    expect(events).toEqual([
      { kind: 'nfc', uid: '04AABBCCDD', readerName: 'mock reader' },
      { kind: 'nfc', uid: '04EEFF0011', readerName: 'mock reader' },
      expect.stringContaining('could not read'),
    ])
    await close()
  })

  it('drops a line that never ends instead of growing without bound', async () => {
    const { port, events, close } = await reader()
    port.emitData('x'.repeat(600))
    await settle()
    port.emitData('UID:04AABBCCDD\r\n')
    await settle()
    expect(events).toEqual([{ kind: 'nfc', uid: '04AABBCCDD', readerName: 'mock reader' }])
    await close()
  })
})
