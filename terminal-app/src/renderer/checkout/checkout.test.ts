import { describe, expect, it } from 'vitest'
import type { PaymentRequest } from '../../bridge/contract'
import { checkoutReducer, saleTotal, type CheckoutState } from './checkout'

const pr = (status: PaymentRequest['status'], id = 'pr-1'): PaymentRequest => ({
  id,
  qr: '000201...',
  amount: '25000',
  currency: 'KES',
  reference: null,
  status,
  expiresAt: '2026-01-01T10:05:00Z',
  paidTransactionId: status === 'paid' ? 'tx-1' : null,
})

describe('checkout', () => {
  it('totals an amount, or items by quantity and price, in minor units', () => {
    expect(saleTotal('1,250.50', [])).toBe(125050n)
    expect(saleTotal('abc', [])).toBeNull()
    expect(
      saleTotal('ignored', [
        { name: 'Bread', qty: '2', price: '65.50' },
        { name: 'Milk', qty: '3', price: '60' },
      ]),
    ).toBe(31100n)
    expect(saleTotal('', [{ name: 'Bread', qty: '0', price: '65' }])).toBeNull()
    expect(saleTotal('', [{ name: 'Bread', qty: '1', price: '65.555' }])).toBeNull()
  })

  it('waits for the payment, live from events, and ends paid, expired or cancelled', () => {
    let s: CheckoutState = { step: 'entering', error: null }
    s = checkoutReducer(s, { type: 'started', request: pr('pending') })
    expect(s.step).toBe('waiting')
    expect(checkoutReducer(s, { type: 'status', request: pr('paid', 'other') })).toBe(s)
    expect(checkoutReducer(s, { type: 'status', request: pr('expired') })).toMatchObject({
      step: 'ended',
      status: 'expired',
    })
    const paid = checkoutReducer(s, { type: 'status', request: pr('paid') })
    expect(paid).toMatchObject({ step: 'paid', transaction: null })
    // A late "expired" never undoes a payment.
    expect(checkoutReducer(paid, { type: 'status', request: pr('expired') })).toBe(paid)
  })

  it('takes a card tap, then its PIN; a refusal goes back to waiting with the reason', () => {
    let s: CheckoutState = checkoutReducer(
      { step: 'entering', error: null },
      { type: 'started', request: pr('pending') },
    )
    expect(checkoutReducer(s, { type: 'pay-card' })).toBe(s) // no card yet
    expect(checkoutReducer(s, { type: 'card-unreadable', message: 'Swipe again' })).toMatchObject({
      error: 'Swipe again',
    })
    s = checkoutReducer(s, { type: 'card', label: 'Card 1234' })
    s = checkoutReducer(s, { type: 'pay-card' })
    expect(s).toMatchObject({ step: 'paying-card', card: 'Card 1234' })
    const refused = checkoutReducer(s, { type: 'card-refused', message: 'Wrong PIN' })
    expect(refused).toMatchObject({ step: 'waiting', card: null, error: 'Wrong PIN' })
    const tx = { id: 'tx-1', reference: 'R1' } as never
    expect(checkoutReducer(s, { type: 'receipt', transaction: tx })).toMatchObject({
      step: 'paid',
      transaction: { reference: 'R1' },
    })
  })
})
