import { describe, expect, it } from 'vitest'
import { isGsm, toGsm } from './gsm'
import { page, render, SCREEN_MAX } from './screen'

describe('GSM screens', () => {
  it('transliterates names and drops what GSM cannot carry', () => {
    expect(toGsm('Wanjirũ Kamau')).toBe('Wanjiru Kamau')
    // ë is not in the GSM table (ä ö ü ñ é è are): it becomes e.
    expect(toGsm('Zoë Achieng’')).toBe("Zoe Achieng'")
    expect(toGsm('Müller Ñdegwa')).toBe('Müller Ñdegwa')
    expect(toGsm('Москва [x] {y} ~z')).toBe('Moskva (x) (y) -z')
    expect(isGsm(toGsm('pay 😀 now'))).toBe(true)
    expect(isGsm(toGsm('José Ñdegwa — “quoted” …'))).toBe(true)
    expect(isGsm(toGsm('中文名字 ئۇيغۇر'))).toBe(true)
  })
  it('never sends a screen longer than 182 characters', () => {
    const long = render({ end: false, text: 'x'.repeat(500) })
    expect(long.length).toBe(SCREEN_MAX)
    expect(long.endsWith('..')).toBe(true)
  })
  it('pages a long list with global numbers, 98 More and 0 Back', () => {
    const items = Array.from({ length: 30 }, (_, i) => `Biller number ${i + 1} Ltd`)
    const first = page('Choose biller', items, 0, { more: 'More', back: 'Back' })
    expect(first.hasMore).toBe(true)
    expect(first.text).toMatch(/^Choose biller\n1 Biller/)
    expect(first.text).toMatch(/98 More\n0 Back$/)
    expect(first.text.length).toBeLessThanOrEqual(SCREEN_MAX - 4)
    const last = page('Choose biller', items, first.pages - 1, { more: 'More', back: 'Back' })
    expect(last.hasMore).toBe(false)
    expect(last.text).toContain('30 Biller number 30 Ltd')
  })
})
