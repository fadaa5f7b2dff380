import type { Logger } from 'pino'

export interface Job {
  name: string
  everyMs: number
  run(): Promise<unknown>
}

/**
 * Runs periodic jobs in this process: each job on its own timer, never overlapping itself. The jobs
 * are safe to run in several processes at once (they claim rows with SKIP LOCKED).
 */
export function startJobs(jobs: Job[], log: Logger) {
  const timers: NodeJS.Timeout[] = []
  const running = new Set<Promise<unknown>>()
  let stopped = false
  for (const job of jobs) {
    let busy = false
    const tick = () => {
      if (busy || stopped) return
      busy = true
      const p = job
        .run()
        .catch((err) => log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          busy = false
          running.delete(p)
        })
      running.add(p)
    }
    timers.push(setInterval(tick, job.everyMs))
  }
  return {
    async stop() {
      stopped = true
      timers.forEach(clearInterval)
      await Promise.all(running)
    },
  }
}
