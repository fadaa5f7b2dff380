import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Transport } from '../transport/transport'
import { decodeStatus, describeStatus, readStatus } from './status'

/** A device that answers each DLE EOT as `reply` says, possibly late, split or with noise. */
function fakeDevice(
  reply: (n: number, send: (bytes: number[], delayMs?: number) => void) => void,
): Transport {
  const t = Object.assign(new EventEmitter<{ data: [Buffer]; close: [Error | undefined] }>(), {
    description: 'fake',
    isOpen: true,
    open: async () => undefined,
    close: async () => undefined,
    async write(bytes: Buffer) {
      if (bytes[0] === 0x10 && bytes[1] === 0x04)
        reply(bytes[2]!, (b, delayMs = 0) => setTimeout(() => t.emit('data', Buffer.from(b)), delayMs))
    },
  })
  return t
}

describe('real-time status (DLE EOT)', () => {
  it('decodes each condition from its bits', () => {
    expect(decodeStatus([0x12, 0x12, 0x12, 0x12])).toMatchObject({
      ready: true,
      online: true,
      paperOut: false,
    })
    expect(decodeStatus([0x1a, 0x16, 0x12, 0x12])).toMatchObject({
      ready: false,
      online: false,
      coverOpen: true,
    })
    expect(decodeStatus([0x1a, 0x32, 0x12, 0x7e])).toMatchObject({
      ready: false,
      paperOut: true,
      paperNearEnd: true,
    })
    expect(decodeStatus([0x12, 0x12, 0x12, 0x1e])).toMatchObject({ ready: true, paperNearEnd: true })
    expect(decodeStatus([0x1a, 0x52, 0x3a, 0x12])).toMatchObject({
      ready: false,
      cutterError: true,
      unrecoverableError: true,
    })
    expect(describeStatus(decodeStatus([0x1a, 0x32, 0x12, 0x72]))).toBe('out of paper')
  })

  it('reads replies that arrive late, one by one', async () => {
    const t = fakeDevice((n, send) => {
      send([n === 4 ? 0x72 : n === 2 ? 0x32 : n === 1 ? 0x1a : 0x12], 20)
    })
    expect(await readStatus(t, 200)).toMatchObject({
      reachable: true,
      notAPrinter: false,
      paperOut: true,
      ready: false,
    })
  })

  it('calls a device that answers anything but four status bytes "not a printer"', async () => {
    const text = [...Buffer.from('HTTP/1.1 400 Bad Request\r\nConnection: keep-alive\r\n\r\n')]
    // Noise or text (bytes whose fixed bits are wrong), or more bytes than were asked for, even if
    // each would pass for a status byte alone: 'r' (0x72) and ':' (0x3a) do.
    for (const reply of [
      [0x00, 0xff, 0x12],
      text,
      [...Buffer.from('rrrr:::')],
      [0x12, 0x12, 0x12, 0x12, 0x12],
    ]) {
      const t = fakeDevice((_n, send) => send(reply, 5))
      const s = await readStatus(t, 200)
      expect(s, JSON.stringify(reply)).toMatchObject({ reachable: true, notAPrinter: true, ready: false })
      expect(describeStatus(s)).toMatch(/^not a printer/)
    }
  })

  it('reads replies bunched together in one chunk', async () => {
    let asked = 0
    const t = fakeDevice((_n, send) => {
      asked++
      if (asked === 1) send([0x12, 0x12, 0x12, 0x12]) // a printer replaying queued answers at once
    })
    expect(await readStatus(t, 200)).toMatchObject({ reachable: true, ready: true })
  })

  it('calls a silent printer unreachable, never connected', async () => {
    expect(
      await readStatus(
        fakeDevice(() => undefined),
        100,
      ),
    ).toMatchObject({ reachable: false, ready: false })
  })
})
