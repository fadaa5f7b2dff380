import { EventEmitter } from 'node:events'

/** A byte pipe to a device: serial port, TCP socket, or an in-process virtual device. */
export interface Transport extends EventEmitter<{ data: [Buffer]; close: [Error | undefined] }> {
  readonly description: string
  readonly isOpen: boolean
  open(): Promise<void>
  /** Resolves when the bytes have left this process (drained to the OS). */
  write(bytes: Buffer): Promise<void>
  close(): Promise<void>
}

export class TransportClosedError extends Error {
  constructor(description: string) {
    super(`${description} is not connected`)
  }
}
