export {
  createPrinter,
  PrintError,
  type Printer,
  type PrintJob,
  type PrinterOptions,
  type JobState,
} from './driver'
export {
  renderReceipt,
  receiptKinds,
  columnsFor,
  type Receipt,
  type ReceiptKind,
  type ReceiptHeader,
  type PaperWidth,
} from './receipts'
export { readStatus, describeStatus, type PrinterStatus } from './status'
export { sampleHeader, sampleReceipts } from './samples'
export { TcpTransport } from '../transport/tcp'
export { SerialTransport } from '../transport/serial'
export { VirtualPrinter } from '../virtual/printer'
export { listenTcp } from '../virtual/tcp'
