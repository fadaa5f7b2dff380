import { parseAmount } from '@gopay/vocabulary'
import type { PaymentRequest, Transaction } from '../../bridge/contract'

export interface Item {
  name: string
  qty: string
  price: string
}

/** The sale's total in minor units: the amount typed, or the items (quantity × price) added up. */
export function saleTotal(amount: string, items: Item[]): bigint | null {
  const filled = items.filter((i) => i.name || i.qty || i.price)
  if (!filled.length) {
    const a = parseAmount(amount)
    return a.ok && a.minor > 0n ? a.minor : null
  }
  let total = 0n
  for (const i of filled) {
    const p = parseAmount(i.price)
    if (!p.ok || !/^\d{1,4}$/.test(i.qty.trim()) || Number(i.qty) < 1) return null
    total += p.minor * BigInt(i.qty.trim())
  }
  return total > 0n ? total : null
}

// The checkout's state names what the merchant sees.
export type CheckoutState =
  | { step: 'entering'; error: string | null }
  | { step: 'waiting'; request: PaymentRequest; card: string | null; error: string | null }
  | { step: 'paying-card'; request: PaymentRequest; card: string }
  | { step: 'paid'; request: PaymentRequest; transaction: Transaction | null }
  | { step: 'ended'; request: PaymentRequest; status: 'expired' | 'cancelled' }

export type CheckoutAction =
  | { type: 'invalid'; error: string }
  | { type: 'started'; request: PaymentRequest }
  | { type: 'status'; request: PaymentRequest }
  | { type: 'card'; label: string }
  | { type: 'card-unreadable'; message: string }
  | { type: 'pay-card' }
  | { type: 'card-refused'; message: string }
  | { type: 'receipt'; transaction: Transaction }
  | { type: 'new' }

export function checkoutReducer(s: CheckoutState, a: CheckoutAction): CheckoutState {
  switch (a.type) {
    case 'invalid':
      return s.step === 'entering' ? { step: 'entering', error: a.error } : s
    case 'started':
      return s.step === 'entering' ? { step: 'waiting', request: a.request, card: null, error: null } : s
    case 'status': {
      if (s.step === 'entering' || s.step === 'ended' || s.request.id !== a.request.id) return s
      if (a.request.status === 'paid')
        return s.step === 'paid' ? s : { step: 'paid', request: a.request, transaction: null }
      if (s.step === 'paid') return s
      if (a.request.status === 'expired' || a.request.status === 'cancelled')
        return s.step === 'paying-card' ? s : { step: 'ended', request: a.request, status: a.request.status }
      return s
    }
    case 'card':
      return s.step === 'waiting' ? { ...s, card: a.label, error: null } : s
    case 'card-unreadable':
      return s.step === 'waiting' ? { ...s, card: null, error: a.message } : s
    case 'pay-card':
      return s.step === 'waiting' && s.card ? { step: 'paying-card', request: s.request, card: s.card } : s
    case 'card-refused':
      return s.step === 'paying-card'
        ? { step: 'waiting', request: s.request, card: null, error: a.message }
        : s
    case 'receipt':
      return s.step === 'paid' || s.step === 'paying-card'
        ? { step: 'paid', request: { ...s.request, status: 'paid' }, transaction: a.transaction }
        : s
    case 'new':
      return { step: 'entering', error: null }
  }
}
