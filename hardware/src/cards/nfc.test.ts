import { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VirtualNfcCard } from '../virtual/nfc-card'
import type { CardEvent } from './events'
import { PcscNfcReaders, pcscUnavailable } from './nfc-reader'

// pcscd with Debian's vsmartcard-vpcd listens for virtual cards on 35963 (.ci/run installs and starts it).
const vpcdListening = () =>
  new Promise<boolean>((resolve) => {
    const s = new Socket()
    s.once('error', () => resolve(false))
    s.connect(35963, '127.0.0.1', () => {
      s.destroy()
      resolve(true)
    })
  })

const why =
  (await pcscUnavailable()) ??
  ((await vpcdListening()) ? null : 'pcscd with vsmartcard-vpcd is not running on this machine')
if (why) console.warn(`NFC over PC/SC skipped: ${why}`)

describe.skipIf(why !== null)('NFC cards over PC/SC (pcscd + vsmartcard-vpcd)', () => {
  let readers: PcscNfcReaders
  const cards: CardEvent[] = []
  beforeAll(async () => {
    readers = new PcscNfcReaders()
    readers.on('card', (c) => cards.push(c))
    const seen = new Promise((r) => readers.once('reader', r))
    await readers.start()
    await seen
  })
  afterAll(() => readers?.stop())

  const waitFor = async (n: number) => {
    const until = Date.now() + 10_000
    while (cards.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
  }

  it('reports the UID of each card tapped on the virtual reader', { timeout: 30_000 }, async () => {
    const card = new VirtualNfcCard()
    await card.present('04a2b3c4d5e680')
    await waitFor(1)
    card.remove()
    await new Promise((r) => setTimeout(r, 1000))
    const other = new VirtualNfcCard()
    await other.present('0499887766554433')
    await waitFor(2)
    other.remove()
    expect(cards.map((c) => c.kind === 'nfc' && c.uid)).toEqual(['04A2B3C4D5E680', '0499887766554433'])
    expect(cards[0]!.readerName).toMatch(/Virtual PCD/)
  })
})
