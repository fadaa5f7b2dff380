import { EventEmitter } from 'node:events'
import type { Transport } from '../transport/transport'
import { describeStatus, readStatus, type PrinterStatus } from './status'

export interface PrintJob {
  /** Printed at most once per id, however often it is queued. */
  id: string
  bytes: Buffer
}

export interface PrinterEvents {
  /** The next job waits: the operator should act (load paper, shut the cover, switch it on). */
  attention: [{ jobId: string; status: PrinterStatus; message: string }]
  printed: [{ jobId: string }]
}

export interface Printer extends EventEmitter<PrinterEvents> {
  status(): Promise<PrinterStatus>
  /** Queues a job; resolves once it has been sent to a printer that was ready for it. */
  print(job: PrintJob): Promise<void>
  readonly queued: string[]
  close(): Promise<void>
}

/**
 * A receipt printer behind a transport, with a job queue that survives paper-out, an open cover and
 * unplugging: a job is sent only to a printer that reports itself ready, waits (telling the operator
 * why) until it is, and is sent once. A transport that dropped is reopened when the printer is
 * next asked for its status.
 */
export function createPrinter(
  transport: Transport,
  opts: { pollMs?: number; statusTimeoutMs?: number } = {},
): Printer {
  return new QueuedPrinter(transport, opts.pollMs ?? 500, opts.statusTimeoutMs)
}

class QueuedPrinter extends EventEmitter<PrinterEvents> implements Printer {
  private readonly queue: Array<PrintJob & { done: () => void }> = []
  private readonly printed = new Set<string>()
  private running = false
  private closed = false

  constructor(
    private readonly transport: Transport,
    private readonly pollMs: number,
    private readonly statusTimeoutMs?: number,
  ) {
    super()
  }

  get queued() {
    return this.queue.map((j) => j.id)
  }

  async status(): Promise<PrinterStatus> {
    if (!this.transport.isOpen) await this.transport.open().catch(() => undefined)
    return readStatus(this.transport, this.statusTimeoutMs)
  }

  print(job: PrintJob) {
    return new Promise<void>((resolve) => {
      this.queue.push({ ...job, done: resolve })
      void this.drain()
    })
  }

  async close() {
    this.closed = true
    await this.transport.close()
  }

  private async drain() {
    if (this.running) return
    this.running = true
    try {
      while (this.queue.length && !this.closed) {
        const job = this.queue[0]!
        if (this.printed.has(job.id)) {
          this.queue.shift()
          job.done()
          continue
        }
        const s = await this.status()
        if (!s.ready) {
          this.emit('attention', {
            jobId: job.id,
            status: s,
            message: `Printer ${describeStatus(s)}: receipt waiting`,
          })
          await new Promise((r) => setTimeout(r, this.pollMs))
          continue
        }
        try {
          await this.transport.write(job.bytes)
        } catch {
          continue // unplugged mid-send: the status check above waits for it to come back
        }
        this.printed.add(job.id)
        this.queue.shift()
        this.emit('printed', { jobId: job.id })
        job.done()
      }
    } finally {
      this.running = false
    }
  }
}
