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

  it('reads replies that arrive late, one by one, and among noise', async () => {
    const t = fakeDevice((n, send) => {
      send([0x00, 0xff], 5) // noise: not status bytes
      send([n === 4 ? 0x72 : n === 2 ? 0x32 : n === 1 ? 0x1a : 0x12], 20)
    })
    expect(await readStatus(t, 200)).toMatchObject({ reachable: true, paperOut: true, ready: false })
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
