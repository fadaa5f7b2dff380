import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Job } from './runner'

/**
 * The same periodic jobs as `startJobs`, scheduled through BullMQ on Redis: every process that runs a
 * worker shares one schedule, and a job runs on one of them at a time.
 */
export async function startQueuedJobs(jobs: Job[], opts: { redisUrl: string; log: Logger; prefix?: string }) {
  const prefix = opts.prefix ?? 'gopay'
  // BullMQ needs blocking connections that never give up on a command.
  const connect = () => new Redis(opts.redisUrl, { maxRetriesPerRequest: null })
  const queueConnection = connect()
  const workerConnection = connect()
  const queue = new Queue('gopay-jobs', { connection: queueConnection, prefix })
  for (const job of jobs)
    await queue.upsertJobScheduler(
      job.name,
      { every: job.everyMs },
      { name: job.name, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    )
  const byName = new Map(jobs.map((j) => [j.name, j]))
  const worker = new Worker(
    'gopay-jobs',
    async (j) => {
      const job = byName.get(j.name)
      if (!job) throw new Error(`no job named ${j.name}`)
      await job.run()
    },
    { connection: workerConnection, prefix, concurrency: Math.max(1, jobs.length) },
  )
  worker.on('failed', (j, err) => opts.log.error({ err, job: j?.name }, 'job failed'))
  worker.on('error', (err) => opts.log.warn({ err }, 'job worker connection problem'))
  return {
    ping: () => queueConnection.ping(),
    async stop() {
      await worker.close()
      await queue.close()
      queueConnection.disconnect()
      workerConnection.disconnect()
    },
  }
}
