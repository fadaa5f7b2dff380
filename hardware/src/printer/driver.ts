import { EventEmitter } from 'node:events'
import type { Transport } from '../transport/transport'
import { openJournal, type JobJournal, type JobState } from './journal'
import { describeStatus, readStatus, type PrinterStatus } from './status'

export type { JobState } from './journal'

export interface PrintJob {
  /** Printed at most once per id, however often it is queued, across restarts when journalled. */
  id: string
  bytes: Buffer
}

/** Why a job was not printed. */
export class PrintError extends Error {
  constructor(
    readonly code: 'closed' | 'cancelled' | 'interrupted' | 'full' | 'journal',
    readonly jobId: string,
    message: string,
  ) {
    super(message)
    this.name = 'PrintError'
  }
}

export interface PrinterEvents {
  /** The next job waits: the operator should act (load paper, shut the cover, switch it on). */
  attention: [{ jobId: string; status: PrinterStatus; message: string }]
  printed: [{ jobId: string }]
  /** A job stopped part-way (or a previous run died while sending it): check the paper; not resent. */
  interrupted: [{ jobId: string; message: string }]
}

export interface Printer extends EventEmitter<PrinterEvents> {
  status(): Promise<PrinterStatus>
  /**
   * Queues a job. Resolves once it has been sent whole to a printer that was ready for it, or at
   * once if this id was printed before. Rejects with a PrintError: `interrupted` (the job, or this id
   * earlier, stopped part-way: it may be partly on paper and is never sent again under this id),
   * `cancelled` (still queued at close()), `closed` (queued after close()), `full` (too many jobs
   * waiting), `journal` (its state could not be written: not printed, so it cannot print twice).
   */
  print(job: PrintJob): Promise<void>
  /** What became of a job this printer remembers (the last `remember` ids), or undefined. */
  job(id: string): JobState | undefined
  /** Ids of the jobs waiting, the next first. */
  readonly queued: string[]
  /** Waits for a job being sent, cancels the others, closes the connection and the journal. */
  close(): Promise<void>
}

export interface PrinterOptions {
  pollMs?: number
  statusTimeoutMs?: number
  /** A file (under a data folder the caller chooses) keeping job states across restarts. */
  journal?: string
  /** How many job ids are remembered (memory and journal); 10,000 by default. */
  remember?: number
  /** How many jobs may wait at once; 100 by default. */
  maxQueued?: number
}

/**
 * A receipt printer behind a transport, with a job queue that survives paper-out, an open cover and
 * unplugging: a job is sent only to a printer that reports itself ready, waits (telling the operator
 * why) until it is, and is sent once. A transport that dropped is reopened when the printer is
 * next asked for its status. See README.md beside this file.
 */
export function createPrinter(transport: Transport, opts: PrinterOptions = {}): Printer {
  return new QueuedPrinter(transport, opts)
}

interface Waiting extends PrintJob {
  resolve: () => void
  reject: (e: PrintError) => void
  settled: Promise<void>
}

class QueuedPrinter extends EventEmitter<PrinterEvents> implements Printer {
  private readonly queue: Waiting[] = []
  /** The job being written to the printer, out of the queue. */
  private sending: Waiting | null = null
  private readonly journal: JobJournal
  private readonly pollMs: number
  private readonly statusTimeoutMs?: number
  private readonly maxQueued: number
  private draining: Promise<void> | null = null
  private wakeUp: (() => void) | null = null
  private closed = false

  constructor(
    private readonly transport: Transport,
    opts: PrinterOptions,
  ) {
    super()
    this.pollMs = opts.pollMs ?? 500
    this.statusTimeoutMs = opts.statusTimeoutMs
    this.maxQueued = opts.maxQueued ?? 100
    this.journal = openJournal(opts.journal, opts.remember ?? 10_000)
    // Reported once whoever listens has had the chance to start listening.
    setImmediate(() => {
      for (const jobId of this.journal.interruptedAtStart)
        this.emit('interrupted', {
          jobId,
          message: `Receipt ${jobId} was being printed when the terminal stopped: check the paper`,
        })
    })
  }

  get queued() {
    return this.queue.map((j) => j.id)
  }

  job(id: string) {
    return this.journal.state(id)
  }

  async status(): Promise<PrinterStatus> {
    if (!this.transport.isOpen) await this.transport.open().catch(() => undefined)
    return readStatus(this.transport, this.statusTimeoutMs)
  }

  print(job: PrintJob): Promise<void> {
    if (this.closed) return Promise.reject(new PrintError('closed', job.id, 'The printer is closed'))
    const same = [this.sending, ...this.queue].find((j) => j?.id === job.id)
    if (same) return same.settled
    const state = this.journal.state(job.id)
    if (state === 'printed') return Promise.resolve()
    if (state === 'interrupted' || state === 'sending')
      return Promise.reject(
        new PrintError('interrupted', job.id, `Receipt ${job.id} stopped part-way before: not printed again`),
      )
    if (this.queue.length >= this.maxQueued)
      return Promise.reject(
        new PrintError('full', job.id, `${this.queue.length} receipts are already waiting for the printer`),
      )
    let resolve!: () => void
    let reject!: (e: PrintError) => void
    const settled = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })
    this.queue.push({ ...job, resolve, reject, settled })
    void this.journal.record(job.id, 'queued').catch(() => undefined) // 'sending' is the one that must land
    this.draining ??= this.drain().finally(() => (this.draining = null))
    return settled
  }

  async close() {
    if (this.closed) return
    this.closed = true
    this.wakeUp?.()
    await this.draining // a job being sent finishes (printed or interrupted) first
    for (const job of this.queue.splice(0)) {
      await this.journal.record(job.id, 'cancelled').catch(() => undefined)
      job.reject(
        new PrintError('cancelled', job.id, `Receipt ${job.id} was not printed: the printer was closed`),
      )
    }
    await this.transport.close()
    await this.journal.close()
  }

  private async drain() {
    while (this.queue.length && !this.closed) {
      const job = this.queue[0]!
      const s = await this.status()
      if (this.closed) return
      if (!s.ready) {
        this.emit('attention', {
          jobId: job.id,
          status: s,
          message: `Printer ${describeStatus(s)}: receipt waiting`,
        })
        await new Promise<void>((r) => {
          const t = setTimeout(r, this.pollMs)
          this.wakeUp = () => (clearTimeout(t), r())
        })
        this.wakeUp = null
        continue
      }
      this.queue.shift()
      this.sending = job
      try {
        await this.send(job)
      } finally {
        this.sending = null
      }
    }
  }

  private async send(job: Waiting) {
    try {
      // On disk before the first byte leaves: after a crash, this job is known to be half-sent.
      await this.journal.record(job.id, 'sending', true)
    } catch (err) {
      job.reject(
        new PrintError('journal', job.id, `Receipt ${job.id} not printed: ${(err as Error).message}`),
      )
      return
    }
    try {
      await this.transport.write(job.bytes)
    } catch {
      // Some of it may be on paper: sending it again would print a second, partial-and-whole copy.
      await this.journal.record(job.id, 'interrupted', true).catch(() => undefined)
      const message = `Receipt ${job.id} stopped part-way (the printer went away): check the paper`
      this.emit('interrupted', { jobId: job.id, message })
      job.reject(new PrintError('interrupted', job.id, message))
      return
    }
    await this.journal.record(job.id, 'printed', true).catch(() => undefined)
    this.emit('printed', { jobId: job.id })
    job.resolve()
  }
}
