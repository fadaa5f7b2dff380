import { mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Where a print job is. `sending` is written (and flushed to disk) before the first byte leaves for
 * the printer: a job found `sending` after a restart may be half on paper, so it is reported, never
 * sent again. `cancelled`: never sent (the queue was closed first).
 */
export type JobState = 'queued' | 'sending' | 'printed' | 'interrupted' | 'cancelled'

export interface JobJournal {
  state(id: string): JobState | undefined
  /** Records a job's new state; with `durable`, resolves once it is on disk. */
  record(id: string, state: JobState, durable?: boolean): Promise<void>
  /** Jobs a previous run left `sending`, now `interrupted`. */
  readonly interruptedAtStart: string[]
  close(): Promise<void>
}

/**
 * The states of the last `remember` jobs, in memory, and when `path` is given in an append-only
 * file of JSON lines ({"id","state"}) that survives restarts. The file is rewritten with only those
 * jobs when it holds three times as many lines, so neither memory nor the file grows without bound.
 * A torn last line (a crash mid-append) is ignored: its state had not been acted on.
 */
export function openJournal(path: string | undefined, remember: number): JobJournal {
  const states = new Map<string, JobState>()
  const set = (id: string, state: JobState) => {
    states.delete(id) // re-inserted last: the most recently touched jobs are the ones kept
    states.set(id, state)
    if (states.size > remember) states.delete(states.keys().next().value!)
  }
  let lines = 0
  if (path) {
    mkdirSync(dirname(path), { recursive: true })
    let text = ''
    try {
      text = readFileSync(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    for (const line of text.split('\n')) {
      try {
        const r = JSON.parse(line) as { id?: unknown; state?: unknown }
        if (typeof r.id === 'string' && typeof r.state === 'string') set(r.id, r.state as JobState)
      } catch {
        // a torn or empty line
      }
    }
  }
  const interruptedAtStart = [...states].filter(([, s]) => s === 'sending').map(([id]) => id)
  for (const id of interruptedAtStart) set(id, 'interrupted')

  const snapshot = () => [...states].map(([id, state]) => `${JSON.stringify({ id, state })}\n`).join('')
  /** Rewrites the file with only the jobs remembered: written aside, flushed, then swapped in. */
  const compact = () => {
    const aside = `${path}.tmp`
    writeFileSync(aside, snapshot())
    const fd = openSync(aside, 'r')
    fsyncSync(fd)
    closeSync(fd)
    renameSync(aside, path!)
    lines = states.size
  }
  if (path) compact() // also makes the interruptions found above durable

  let file: Promise<FileHandle> | null = null
  let chain: Promise<void> = Promise.resolve()
  return {
    interruptedAtStart,
    state: (id) => states.get(id),
    record(id, state, durable = false) {
      set(id, state)
      if (!path) return Promise.resolve()
      // One write at a time, in order; a failed write fails its caller, not the ones after.
      const write = chain.then(async () => {
        if (lines >= remember * 3) {
          await file?.then((f) => f.close())
          file = null
          compact()
          return
        }
        file ??= open(path, 'a')
        const f = await file
        await f.appendFile(`${JSON.stringify({ id, state })}\n`)
        lines++
        if (durable) await f.datasync()
      })
      chain = write.catch(() => undefined)
      return write
    },
    async close() {
      await chain
      await file?.then((f) => f.close())
      file = null
    },
  }
}
