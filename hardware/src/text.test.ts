import { describe, expect, it } from 'vitest'
import { wrap } from './text'

describe('text for receipts', () => {
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
