import { describe, expect, it } from 'vitest'
import { EscPosDecoder } from '../virtual/escpos-decoder'
import { columnsFor, receiptKinds, renderReceipt, type PaperWidth } from './receipts'
import { sampleHeader, sampleReceipts } from './samples'

const decode = (bytes: Buffer, pieces = 1) => {
  const d = new EscPosDecoder()
  const size = Math.ceil(bytes.length / pieces)
  for (let i = 0; i < bytes.length; i += size) d.feed(bytes.subarray(i, i + size))
  expect(d.receipts).toHaveLength(1)
  return d.receipts[0]!
}

describe.each([58, 80] as PaperWidth[])('receipts on %i mm paper', (width) => {
  const cols = columnsFor(width)
  it.each(receiptKinds)('%s decodes to what the customer should read', (kind) => {
    const r = decode(renderReceipt(sampleReceipts[kind], sampleHeader, { width }))
    const text = r.lines.join('\n')
    expect(r.cut).toBe(true)
    for (const line of r.lines) expect(line.length, `"${line}"`).toBeLessThanOrEqual(cols)
    expect(text).toContain('Terminal T-0001')
    expect(r.qrCodes).toEqual([sampleReceipts[kind].reference])
    // The long business name is wrapped whole words at a time.
    const words = sampleHeader.businessName.split(' ')
    for (const w of words)
      expect(
        r.lines.some((l) => l.split(' ').includes(w)),
        w,
      ).toBe(true)
    const sample = sampleReceipts[kind]
    if (sample.kind !== 'end-of-day') {
      expect(text).toMatch(/Ref\s+\S+7C9E6679/)
      if (sample.customerPhone) {
        expect(text).toContain('+254711***00')
        expect(text).not.toContain(sample.customerPhone)
      }
    }
  })

  it('prints amounts in the wallet currency, the fee and the total', () => {
    const text = decode(renderReceipt(sampleReceipts['cash-out'], sampleHeader, { width })).lines.join('\n')
    expect(text).toMatch(/Amount\s+KES 2,000\.00/)
    expect(text).toMatch(/Fee\s+KES 29\.00/)
    expect(text).toMatch(/TOTAL\s+KES 2,029\.00/)
    expect(text).toContain('José Müller')
  })

  it('prints the bill token and the end-of-day totals', () => {
    expect(decode(renderReceipt(sampleReceipts.bill, sampleHeader, { width })).lines).toContain(
      '5923 1047 6612 0098 3321'.padStart(0),
    )
    const eod = decode(renderReceipt(sampleReceipts['end-of-day'], sampleHeader, { width })).lines.join('\n')
    expect(eod).toMatch(/Cash in \(14\)\s+KES 23,500\.00/)
    expect(eod).toMatch(/Closing float\s+KES 95,255\.00/)
  })

  it('decodes the same from bytes that arrive in many pieces', () => {
    const bytes = renderReceipt(sampleReceipts.p2p, sampleHeader, { width })
    expect(decode(bytes, 37)).toEqual(decode(bytes, 1))
  })
})

describe('STAR printers', () => {
  it('render the same receipt with STAR commands, text intact', () => {
    const epson = renderReceipt(sampleReceipts.p2p, sampleHeader, { width: 80 })
    const star = renderReceipt(sampleReceipts.p2p, sampleHeader, { width: 80, type: 'star' })
    expect(star.equals(epson)).toBe(false)
    expect(star.toString('latin1')).toContain('Baraka Mwangi Kamau')
    expect(star.toString('latin1')).toMatch(/TOTAL\s+KES 507\.00/)
  })
})
