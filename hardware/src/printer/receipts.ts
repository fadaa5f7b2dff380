import { BreakLine } from 'node-thermal-printer'
import { newThermalPrinter } from './thermal'
import { formatMoney, maskPhone } from '@gopay/vocabulary'
import { wrap } from '../text'

export const receiptKinds = [
  'cash-in',
  'cash-out',
  'p2p',
  'bill',
  'airtime',
  'merchant-sale',
  'refund',
  'end-of-day',
] as const
export type ReceiptKind = (typeof receiptKinds)[number]

export interface ReceiptHeader {
  /** The agent's or merchant's business name. */
  businessName: string
  terminalId: string
  location?: string
}

export interface TransactionReceipt {
  kind: Exclude<ReceiptKind, 'end-of-day'>
  reference: string
  transactionId: string
  createdAt: Date
  currency: string
  amount: bigint
  fee?: bigint
  customerPhone?: string
  customerName?: string
  /** P2P recipient, biller, or the original sale of a refund. */
  counterparty?: string
  accountNumber?: string
  /** A prepaid electricity token and the like. */
  token?: string
  originalReference?: string
}

export interface EndOfDayReport {
  kind: 'end-of-day'
  date: string
  currency: string
  lines: Array<{ label: string; count: number; total: bigint }>
  closingFloat?: bigint
  reference: string
}

export type Receipt = TransactionReceipt | EndOfDayReport

export type PaperWidth = 58 | 80
export const columnsFor = (width: PaperWidth) => (width === 58 ? 32 : 48)

const titles: Record<ReceiptKind, string> = {
  'cash-in': 'CASH IN / WEKA PESA',
  'cash-out': 'CASH OUT / TOA PESA',
  p2p: 'MONEY SENT / PESA IMETUMWA',
  bill: 'BILL PAYMENT / LIPA BILI',
  airtime: 'AIRTIME / MUDA WA MAONGEZI',
  'merchant-sale': 'SALE / MAUZO',
  refund: 'REFUND / KURUDISHA',
  'end-of-day': 'END OF DAY / MWISHO WA SIKU',
}

/** Label on the left, value on the right; a value too long for the line goes on lines of its own. */
function pair(label: string, value: string, cols: number): string[] {
  if (label.length + 1 + value.length <= cols)
    return [label + ' '.repeat(cols - label.length - value.length) + value]
  return [label, ...wrap(value, cols - 2).map((l) => ' '.repeat(cols - l.length) + l)]
}

function stamp(d: Date) {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

// node-thermal-printer needs an interface object; GoPay's printer driver sends the bytes itself.
const bytesOnly = {
  getPrinterName: () => 'gopay',
  isPrinterConnected: async () => false,
  execute: async () => {
    throw new Error('receipts are rendered to bytes and sent by the printer driver')
  },
}

/** Renders a receipt to ESC/POS bytes for a paper width (58 mm: 32 columns, 80 mm: 48). */
export function renderReceipt(
  receipt: Receipt,
  header: ReceiptHeader,
  opts: { width: PaperWidth; type?: 'epson' | 'star' },
): Buffer {
  const cols = columnsFor(opts.width)
  const p = newThermalPrinter(bytesOnly, { columns: cols, type: opts.type, breakLine: BreakLine.NONE })
  const lines = (xs: string[]) => xs.forEach((l) => p.println(l))

  p.alignCenter()
  p.bold(true)
  lines(wrap(header.businessName, cols))
  p.bold(false)
  if (header.location) lines(wrap(header.location, cols))
  p.println(`Terminal ${header.terminalId}`)
  p.drawLine()
  p.bold(true)
  lines(wrap(titles[receipt.kind], cols))
  p.bold(false)
  p.alignLeft()

  if (receipt.kind === 'end-of-day') {
    lines(pair('Date', receipt.date, cols))
    p.drawLine()
    for (const l of receipt.lines)
      lines(pair(`${l.label} (${l.count})`, formatMoney(l.total, receipt.currency), cols))
    if (receipt.closingFloat !== undefined) {
      p.drawLine()
      lines(pair('Closing float', formatMoney(receipt.closingFloat, receipt.currency), cols))
    }
  } else {
    const r = receipt
    lines(pair('Date', stamp(r.createdAt), cols))
    lines(pair('Ref', r.reference, cols))
    if (r.customerName) lines(pair('Customer', r.customerName, cols))
    if (r.customerPhone) lines(pair('Phone', maskPhone(r.customerPhone), cols))
    const counterpartyLabel: Partial<Record<ReceiptKind, string>> = {
      p2p: 'To',
      bill: 'Biller',
      airtime: 'For',
      refund: 'Sale',
    }
    if (r.counterparty) lines(pair(counterpartyLabel[r.kind] ?? 'With', r.counterparty, cols))
    if (r.accountNumber) lines(pair('Account', r.accountNumber, cols))
    if (r.originalReference) lines(pair('Original ref', r.originalReference, cols))
    p.drawLine()
    lines(pair('Amount', formatMoney(r.amount, r.currency), cols))
    if (r.fee !== undefined) lines(pair('Fee', formatMoney(r.fee, r.currency), cols))
    p.bold(true)
    lines(pair('TOTAL', formatMoney(r.amount + (r.fee ?? 0n), r.currency), cols))
    p.bold(false)
    if (r.token) {
      p.drawLine()
      p.alignCenter()
      p.println('TOKEN')
      p.bold(true)
      lines(wrap(r.token, cols))
      p.bold(false)
      p.alignLeft()
    }
    p.drawLine()
    lines(wrap(`Transaction ${r.transactionId}`, cols))
  }
  p.alignCenter()
  p.printQR(receipt.reference, { cellSize: opts.width === 58 ? 4 : 6, correction: 'M', model: 2 })
  p.newLine()
  lines(wrap('Thank you for using GoPay. Asante!', cols))
  p.cut()
  return p.getBuffer()
}
