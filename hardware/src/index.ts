// GoPay's peripherals: printers, card readers and customer displays, and virtual ones for tests.
export * from './printer/index'
export { parseConnection, type Connection, ConnectionError } from './connection'
export type { Transport } from './transport/transport'
export { memoryPair } from './transport/memory'
export { EscPosDecoder, type DecodedReceipt } from './virtual/escpos-decoder'
export { startVirtualLab, type VirtualLab } from './virtual/lab'
export { openPtyPair, hasSocat } from './virtual/pty'
export { parseSwipe, parseTrack1, parseTrack2, BadSwipeError, type MagstripeData } from './cards/tracks'
export type { CardEvent, CardReaderEvents } from './cards/events'
export { KeyboardWedgeReader } from './cards/wedge'
export { SerialCardReader } from './cards/serial-reader'
export {
  CustomerDisplay,
  poleLines,
  type DisplayScreen,
  type DisplayStatus,
} from './display/customer-display'
export { attachPoleDisplay } from './display/pole-display'
export { VirtualPoleDisplay } from './virtual/pole-display'
export { VirtualSerialCardReader, trackData } from './virtual/card-reader'
export { renderReceiptPng } from './virtual/receipt-png'
export type { ReceiptItem } from './virtual/escpos-decoder'
export { PcscNfcReaders, pcscUnavailable } from './cards/nfc-reader'
export { VirtualNfcCard } from './virtual/nfc-card'
export { openDevices, type TerminalDevices } from './devices'
export { thermalPrinterFor } from './printer/thermal'
