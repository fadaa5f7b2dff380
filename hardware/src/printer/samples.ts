import type { Receipt, ReceiptHeader, ReceiptKind } from './receipts'

/** The header printed on samples: a long name, to show it wraps. */
export const sampleHeader: ReceiptHeader = {
  businessName: 'Mama Mboga Agency & General Supplies (Kibera Branch)',
  terminalId: 'T-0001',
  location: 'Kibera, Nairobi',
}

const at = new Date(2026, 10, 24, 14, 5)
const base = { transactionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', createdAt: at, currency: 'KES' }

/** One sample of each receipt kind (`npm run hardware -- print-sample KIND`). */
export const sampleReceipts: Record<ReceiptKind, Receipt> = {
  'cash-in': {
    ...base,
    kind: 'cash-in',
    reference: 'CI7C9E6679',
    amount: 150_050n,
    customerName: 'Amina Odhiambo',
    customerPhone: '+254711000001',
  },
  'cash-out': {
    ...base,
    kind: 'cash-out',
    reference: 'CO7C9E6679',
    amount: 200_000n,
    fee: 2_900n,
    customerName: 'José Müller',
    customerPhone: '+254711000002',
  },
  p2p: {
    ...base,
    kind: 'p2p',
    reference: 'PP7C9E6679',
    amount: 50_000n,
    fee: 700n,
    customerPhone: '+254711000001',
    counterparty: 'Baraka Mwangi Kamau wa Njoroge',
  },
  bill: {
    ...base,
    kind: 'bill',
    reference: 'BL7C9E6679',
    amount: 100_000n,
    fee: 0n,
    counterparty: 'Kenya Power Prepaid',
    accountNumber: '12345678901',
    token: '5923 1047 6612 0098 3321',
  },
  airtime: {
    ...base,
    kind: 'airtime',
    reference: 'AT7C9E6679',
    amount: 10_000n,
    counterparty: '+254722000009',
  },
  'merchant-sale': {
    ...base,
    kind: 'merchant-sale',
    reference: 'MS7C9E6679',
    amount: 87_550n,
    customerPhone: '+254711000001',
  },
  refund: {
    ...base,
    kind: 'refund',
    reference: 'RF7C9E6679',
    amount: 20_000n,
    counterparty: 'Duka La Jamii',
    originalReference: 'MS7C9E6679',
    customerPhone: '+254711000001',
  },
  'end-of-day': {
    kind: 'end-of-day',
    date: '2026-11-24',
    currency: 'KES',
    reference: 'EOD-T-0001-20261124',
    lines: [
      { label: 'Cash in', count: 14, total: 2_350_000n },
      { label: 'Cash out', count: 9, total: 1_875_500n },
      { label: 'Commission', count: 23, total: 21_350n },
    ],
    closingFloat: 9_525_500n,
  },
}
