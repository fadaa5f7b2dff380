// GoPay's peripherals: printers, card readers and customer displays, and virtual ones for tests.
export * from './printer/index'
export { parseConnection, formatConnection, type Connection, ConnectionError } from './connection'
export type { Transport } from './transport/transport'
export { memoryPair } from './transport/memory'
export { EscPosDecoder, type DecodedReceipt } from './virtual/escpos-decoder'
export { startVirtualLab, type VirtualLab } from './virtual/lab'
export { openPtyPair, hasSocat } from './virtual/pty'
