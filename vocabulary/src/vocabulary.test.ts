import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatAmount, formatMoney, maskPhone, parseAmount, toE164 } from './index'

describe('money', () => {
  it('formats minor units exactly, whatever their size', () => {
    expect(formatMoney(150_050n, 'KES')).toBe('KES 1,500.50')
    expect(formatMoney(150_050, 'KES')).toBe('KES 1,500.50')
    expect(formatMoney(5n, 'KES')).toBe('KES 0.05')
    expect(formatMoney(-123_456_789_012_345_678n, 'KES')).toBe('-KES 1,234,567,890,123,456.78')
  })
  it('parses what an operator types, refusing what is not an amount', () => {
    expect(parseAmount('1500')).toEqual({ ok: true, minor: 150_000n })
    expect(parseAmount(' 1,500.5 ')).toEqual({ ok: true, minor: 150_050n })
    expect(parseAmount('.75')).toEqual({ ok: true, minor: 75n })
    expect(parseAmount('12.')).toEqual({ ok: true, minor: 1_200n })
    expect(parseAmount('')).toEqual({ ok: false, reason: 'empty' })
    expect(parseAmount('1.005')).toEqual({ ok: false, reason: 'precision' })
    for (const bad of ['-5', '1e3', 'abc', '1.2.3', '0x10'])
      expect(parseAmount(bad)).toEqual({ ok: false, reason: 'format' })
  })
  it('parses back exactly what it formats', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), (minor) => {
        expect(parseAmount(formatAmount(minor))).toEqual({ ok: true, minor })
      }),
    )
  })
})

describe('phones', () => {
  it('masks the middle of a phone number', () => {
    expect(maskPhone('+254711000001')).toBe('+254711***001')
  })
  it('turns what a person typed into E.164, or nothing', () => {
    expect(toE164('0711 000 001')).toBe('+254711000001')
    expect(toE164('+254711000001')).toBe('+254711000001')
    expect(toE164('254711000001')).toBe('+254711000001')
    expect(toE164('00254711000001')).toBe('+254711000001')
    expect(toE164('0711')).toBeUndefined()
    expect(toE164('hello')).toBeUndefined()
  })
})
