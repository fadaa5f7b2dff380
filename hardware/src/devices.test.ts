import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('keeps the printer journal in the data folder: a second start does not reprint', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gopay-devices-'))
    try {
      const job = {
        id: 'tx-1:customer',
        bytes: renderReceipt(sampleReceipts.p2p, sampleHeader, { width: 58 }),
      }
      const first = await openDevices({ GOPAY_PRINTER: 'virtual' }, { merchantName: 'Duka', dataDir })
      await first.printer!.print(job)
      await first.close()
      expect(readFileSync(join(dataDir, 'printer-jobs.jsonl'), 'utf8')).toContain('"printed"')
      const second = await openDevices({ GOPAY_PRINTER: 'virtual' }, { merchantName: 'Duka', dataDir })
      await second.printer!.print(job)
      await new Promise((r) => setTimeout(r, 20))
      expect(second.virtual.printer!.receipts).toHaveLength(0)
      await second.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('has no printer or reader when none is configured, and a window-only display', async () => {
    const d = await openDevices({}, { merchantName: 'Duka' })
    expect(d.printer).toBeNull()
    expect(d.cardReader).toBeNull()
    expect(d.display.screen.status).toBe('idle')
    await d.close()
  })
})
