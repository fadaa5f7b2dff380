import { crc16ccitt } from 'crc'
import { describe, expect, it } from 'vitest'
import { buildMerchantQr, parseMerchantQr, QrError } from './emvco'

describe('EMVCo merchant-presented QR', () => {
  it('uses CRC-16/CCITT-FALSE (check value 29B1)', () => {
    expect(crc16ccitt('123456789').toString(16).toUpperCase()).toBe('29B1')
  })

  it('builds a dynamic payload that reads back, with a valid CRC last', () => {
    const qr = buildMerchantQr({
      merchantCode: 'MC001',
      merchantName: 'Duka La Jamii & Sons Supermarket',
      city: 'Nairobi',
      categoryCode: '5411',
      currency: 'KES',
      amount: 150_050n,
      requestId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      reference: 'INV-42',
    })
    expect(qr.startsWith('000201010212')).toBe(true)
    expect(qr).toContain('5303404')
    expect(qr).toContain('54071500.50')
    expect(qr).toContain('5802KE')
    expect(qr).toMatch(/6304[0-9A-F]{4}$/)
    expect(crc16ccitt(qr.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0')).toBe(qr.slice(-4))
    expect(parseMerchantQr(qr)).toEqual({
      merchantCode: 'MC001',
      currencyNumeric: '404',
      amount: 150_050n,
      requestId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      reference: 'INV-42',
    })
  })

  it('builds a static payload without an amount', () => {
    const qr = buildMerchantQr({
      merchantCode: 'MC001',
      merchantName: 'Café Zoë',
      city: 'Mombasa',
      categoryCode: '5812',
      currency: 'KES',
    })
    expect(qr.startsWith('000201010211')).toBe(true)
    expect(qr).toContain('5908Cafe Zoe')
    expect(parseMerchantQr(qr)).toMatchObject({
      merchantCode: 'MC001',
      amount: undefined,
      requestId: undefined,
    })
  })

  it('refuses damaged and foreign codes with plain messages', () => {
    const qr = buildMerchantQr({
      merchantCode: 'MC001',
      merchantName: 'Duka',
      city: 'Nairobi',
      categoryCode: '5411',
      currency: 'KES',
      amount: 100n,
    })
    const damaged = qr.replace('5411', '5412')
    expect(() => parseMerchantQr(damaged)).toThrow(/damaged/)
    expect(() => parseMerchantQr('hello')).toThrow(QrError)
    const foreignBody = '000201010211' + '2612' + '0008COM.OTHR' + '5303404' + '5802KE' + '6304'
    expect(() =>
      parseMerchantQr(foreignBody + crc16ccitt(foreignBody).toString(16).toUpperCase().padStart(4, '0')),
    ).toThrow(/not for a GoPay merchant/)
  })
})
