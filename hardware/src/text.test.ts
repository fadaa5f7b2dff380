import { describe, expect, it } from 'vitest'
import { formatMoney, maskPhone, wrap } from './text'

describe('text for receipts and messages', () => {
  it('formats minor units exactly, whatever their size', () => {
    expect(formatMoney(150_050n, 'KES')).toBe('KES 1,500.50')
    expect(formatMoney(5n, 'KES')).toBe('KES 0.05')
    expect(formatMoney(-123_456_789_012_345_678n, 'KES')).toBe('-KES 1,234,567,890,123,456.78')
  })
  it('masks the middle of a phone number', () => {
    expect(maskPhone('+254711000001')).toBe('+254711***001')
  })
  it('wraps at spaces, never past the width, and breaks long ids at their hyphens', () => {
    expect(wrap('Mama Mboga Agency & General Supplies', 20)).toEqual([
      'Mama Mboga Agency &',
      'General Supplies',
    ])
    expect(wrap('7c9e6679-7425-40de-944b-e07fc1f90ae7', 32)).toEqual([
      '7c9e6679-7425-40de-944b-',
      'e07fc1f90ae7',
    ])
    expect(wrap('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10)).toEqual(['ABCDEFGHI-', 'JKLMNOPQR-', 'STUVWXYZ'])
    for (const l of wrap('a '.repeat(50) + 'x'.repeat(70), 32)) expect(l.length).toBeLessThanOrEqual(32)
  })
})
