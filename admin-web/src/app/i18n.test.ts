import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { transactionKinds, transactionStatuses } from '@gopay/vocabulary'
import { sections } from './nav'
import { sw } from './sw'

const src = new URL('..', import.meta.url).pathname

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(e) && !e.endsWith('.test.ts') ? [p] : []
  })
}

// Every text a screen passes to t('…') literally, read from the sources.
const literal = /\bt\(\s*'((?:[^'\\]|\\.)*)'/g
const used = new Set(
  files(src).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(literal)].map((m) => m[1]!)),
)

describe('Swahili', () => {
  it('has every English text the screens show', () => {
    expect(used.size).toBeGreaterThan(200)
    expect([...used].filter((k) => !(k in sw))).toEqual([])
  })

  it('has the section names, transaction kinds and statuses translated at run time', () => {
    const dynamic = [
      ...sections.map((s) => s.label),
      ...transactionKinds.map((k) => k.replace(/_/g, ' ')),
      ...transactionStatuses,
    ]
    expect(dynamic.filter((k) => !(k in sw))).toEqual([])
  })

  it('keeps every placeholder of the English text', () => {
    for (const [en, text] of Object.entries(sw)) {
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
      expect(names(text), en).toEqual(names(en))
    }
  })
})
