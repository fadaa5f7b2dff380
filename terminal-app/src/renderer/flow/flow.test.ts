import { describe, expect, it } from 'vitest'
import type { Transaction } from '../../bridge/contract'
import { entering, flowReducer, type FlowState } from './flow'

type D = { phone: string; amount: string }
const tx: Transaction = {
  id: 'tx-1',
  reference: 'AB12CD34',
  type: 'cash_in',
  status: 'completed',
  amount: '150050',
  fee: '0',
  currency: 'KES',
  createdAt: '2026-01-01T10:00:00Z',
  counterparty: { name: 'Amina', phone: '+254711000001' },
  direction: 'out',
  method: null,
}
const run = (s: FlowState<D>, ...actions: Parameters<typeof flowReducer<D>>[1][]) =>
  actions.reduce((acc, a) => flowReducer(acc, a), s)

describe('a money flow', () => {
  const start = entering<D>({ phone: '', amount: '' })

  it('goes entering → confirming (name) → submitting → done, keeping what was typed', () => {
    const s = run(
      start,
      { type: 'edit', draft: { phone: '0711000001' } },
      { type: 'edit', draft: { amount: '1,500.50' } },
      { type: 'review', name: 'Amina' },
    )
    expect(s).toEqual({
      step: 'confirming',
      draft: { phone: '0711000001', amount: '1,500.50' },
      name: 'Amina',
    })
    const sent = run(s, { type: 'submit', key: 'k1' })
    expect(sent.step).toBe('submitting')
    // A second submit of the same intent does nothing: one request per confirm.
    expect(run(sent, { type: 'submit', key: 'k2' })).toBe(sent)
    const done = run(sent, { type: 'finished', key: 'k1', outcome: { outcome: 'done', transaction: tx } })
    expect(done).toMatchObject({ step: 'done', transaction: { reference: 'AB12CD34' } })
  })

  it('shows "checking" while the outcome is unknown, only for its own key, and then a definite result', () => {
    const sent = run(start, { type: 'review', name: 'A' }, { type: 'submit', key: 'k1' })
    expect(run(sent, { type: 'checking', key: 'other', attempt: 1 })).toBe(sent)
    const checking = run(
      sent,
      { type: 'checking', key: 'k1', attempt: 1 },
      { type: 'checking', key: 'k1', attempt: 2 },
    )
    expect(checking).toMatchObject({ step: 'checking', attempt: 2 })
    // A late answer of another attempt never finishes this one.
    expect(
      run(checking, { type: 'finished', key: 'k0', outcome: { outcome: 'done', transaction: tx } }),
    ).toBe(checking)
    const refused = run(checking, {
      type: 'finished',
      key: 'k1',
      outcome: { outcome: 'refused', code: 'insufficient_funds', message: 'Float too low.' },
    })
    expect(refused).toMatchObject({ step: 'refused', code: 'insufficient_funds' })
    expect(run(refused, { type: 'back' })).toMatchObject({ step: 'entering', error: null })
  })

  it('keeps errors on the entry and ignores edits once sent', () => {
    expect(run(start, { type: 'invalid', error: 'Type an amount' })).toMatchObject({
      error: 'Type an amount',
    })
    const sent = run(start, { type: 'submit', key: 'k' })
    expect(run(sent, { type: 'edit', draft: { amount: '9' } })).toBe(sent)
    expect(run(sent, { type: 'back' })).toBe(sent)
    expect(run(sent, { type: 'reset', draft: { phone: '', amount: '' } })).toEqual(start)
  })
})
