import {
  renderReceipt,
  type PaperWidth,
  type Printer,
  type Receipt,
  type ReceiptHeader,
} from '@gopay/hardware'
import { isTransactionKind, type TransactionKind } from '@gopay/vocabulary'
import type { Transaction, ZReport } from '../bridge/contract'

/** ESC p 0 25 250: pulse the cash drawer's kick-out connector (pin 2, 50 ms on, 500 ms off). */
export const OPEN_DRAWER = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa])

type Kind = 'cash-in' | 'cash-out' | 'merchant-sale' | 'refund'

// The core's transaction kinds (one spelling, @gopay/vocabulary) → the receipt printed for them.
const receiptKindOf: Partial<Record<TransactionKind, Kind>> = {
  cash_in: 'cash-in',
  cash_out: 'cash-out',
  withdrawal: 'cash-out',
  merchant_payment: 'merchant-sale',
  refund: 'refund',
}
const kindOf = (t: Transaction): Kind | null =>
  isTransactionKind(t.type) ? (receiptKindOf[t.type] ?? null) : null

export interface ReceiptJob {
  /** Stable per transaction and copy, so a queued receipt prints once however often it is queued. */
  id: string
  bytes: Buffer
}

/**
 * The print jobs for a finished transaction: the customer's copy, plus the agent's copy of a
 * cash-out; cash-in and cash-out open the drawer first. A reprint is one copy marked REPRINT.
 */
export function receiptJobs(
  t: Transaction,
  header: Omit<ReceiptHeader, 'banner'>,
  opts: { width: PaperWidth; reprint?: string },
): ReceiptJob[] {
  const kind = kindOf(t)
  if (!kind) return []
  const receipt: Receipt = {
    kind,
    reference: t.reference,
    transactionId: t.id,
    createdAt: new Date(t.createdAt),
    currency: t.currency,
    amount: BigInt(t.amount),
    fee: BigInt(t.fee),
    customerName: t.counterparty?.name ?? undefined,
    customerPhone: t.counterparty?.phone?.startsWith('+') ? t.counterparty.phone : undefined,
    counterparty:
      t.counterparty?.phone && !t.counterparty.phone.startsWith('+') ? t.counterparty.phone : undefined,
  }
  const render = (banner: string) => renderReceipt(receipt, { ...header, banner }, { width: opts.width })
  if (opts.reprint) return [{ id: `${t.id}:reprint:${opts.reprint}`, bytes: render('*** REPRINT ***') }]
  const drawer = kind === 'cash-in' || kind === 'cash-out'
  const jobs: ReceiptJob[] = [
    {
      id: `${t.id}:customer`,
      bytes: Buffer.concat([drawer ? OPEN_DRAWER : Buffer.alloc(0), render('CUSTOMER COPY')]),
    },
  ]
  if (kind === 'cash-out') jobs.push({ id: `${t.id}:agent`, bytes: render('AGENT COPY') })
  return jobs
}

/** The Z-report as an end-of-day receipt. */
export function zReportJob(z: ZReport, header: Omit<ReceiptHeader, 'banner'>, width: PaperWidth): ReceiptJob {
  const lines = [
    { label: 'Sales', count: z.sales.count, total: BigInt(z.sales.total) },
    ...Object.entries(z.byMethod).map(([m, v]) => ({
      label: `  by ${m}`,
      count: v.count,
      total: BigInt(v.total),
    })),
    { label: 'Refunds', count: z.refunds.count, total: BigInt(z.refunds.total) },
    { label: 'Fees', count: 0, total: BigInt(z.fees) },
    { label: 'Net', count: z.sales.count, total: BigInt(z.net) },
  ]
  return {
    id: `z-report:${z.date}:${Date.now()}`,
    bytes: renderReceipt(
      { kind: 'end-of-day', date: z.date, currency: z.currency, lines, reference: `Z-${z.date}` },
      { ...header, banner: 'Z-REPORT' },
      { width },
    ),
  }
}

/** Queues jobs; the queue waits through paper-out or an unplugged printer and prints each job once. */
export function printJobs(printer: Printer | null, jobs: ReceiptJob[]) {
  if (!printer) return
  for (const job of jobs) printer.print(job).catch((e) => console.warn(`receipt ${job.id} not printed: ${e}`))
}
