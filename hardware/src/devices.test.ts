import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { openDevices } from './devices'
import { renderReceipt } from './printer/receipts'
import { sampleHeader, sampleReceipts } from './printer/samples'
import { trackData } from './virtual/card-reader'

describe('a terminal configured with virtual devices', () => {
  it('prints, reads cards and shows the customer display through its configured devices', async () => {
    const d = await openDevices(
      { GOPAY_PRINTER: 'virtual', GOPAY_CARD_READER: 'virtual', GOPAY_DISPLAY: 'virtual' },
      { merchantName: 'Duka La Jamii' },
    )
    await d.printer!.print({
      id: 'r1',
      bytes: renderReceipt(sampleReceipts['merchant-sale'], sampleHeader, { width: 58 }),
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(d.virtual.printer!.receipts[0]!.qrCodes).toEqual(['MS7C9E6679'])

    const card = once(d.cardReader!, 'card')
    d.virtual.cardReader!.swipe(
      trackData({ pan: '4111111111111111', name: 'Amina Odhiambo', expiry: '2912' }),
    )
    expect((await card)[0]).toMatchObject({ kind: 'magstripe', pan: '4111111111111111' })

    d.display.waiting({
      amount: 87_550n,
      currency: 'KES',
      qr: '0002…',
      reference: 'R9',
      expiresAt: new Date(Date.now() + 60_000),
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(d.virtual.pole!.lines[0]).toBe('PAY KES 875.50      ')
    await d.close()
  })

  it('has no printer or reader when none is configured, and a window-only display', async () => {
    const d = await openDevices({}, { merchantName: 'Duka' })
    expect(d.printer).toBeNull()
    expect(d.cardReader).toBeNull()
    expect(d.display.screen.status).toBe('idle')
    await d.close()
  })
})
