import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import type { Db, Executor } from '@gopay/db'
import type { Logger } from 'pino'

export interface SmsProvider {
  name: string
  /** Sends one text; resolves with the provider's message id. */
  send(to: string, message: string): Promise<string>
}

/**
 * No SMS provider configured: messages stay in the local SMS outbox (sms_messages), which staff read at
 * GET /v1/admin/sms-messages; `show` also prints each one (the demo's console).
 */
export function localSmsProvider(show?: (to: string, message: string) => void): SmsProvider {
  return {
    name: 'local',
    async send(to, message) {
      show?.(to, message)
      return 'local'
    },
  }
}

export async function africasTalkingSmsProvider(cfg: {
  apiKey: string
  username: string
  senderId?: string
}): Promise<SmsProvider> {
  const { default: africastalking } = await import('africastalking')
  const sms = africastalking({ apiKey: cfg.apiKey, username: cfg.username }).SMS
  return {
    name: 'africastalking',
    async send(to, message) {
      const res = await sms.send({ to: [to], message, ...(cfg.senderId ? { from: cfg.senderId } : {}) })
      const recipient = res?.SMSMessageData?.Recipients?.[0]
      if (!recipient || !/^Success$/i.test(String(recipient.status)))
        throw new Error(`SMS not accepted: ${recipient?.status ?? 'no recipient in answer'}`)
      return String(recipient.messageId)
    },
  }
}

interface OutboxRow {
  id: string
  topic: string
  payload: { to: string; message: string; notificationId?: string }
  attempts: number
}

/** Delivers an outbox message of another topic than texts (fraud screening), in the caller's transaction. */
export type TopicHandler = (trx: Executor, payload: Record<string, unknown>) => Promise<void>
export type TopicHandlers = Record<string, TopicHandler>

/**
 * Delivers one outbox row, under its row lock, in the caller's transaction: the sms_messages row
 * (unique per outbox row), the notification's status and the dispatched mark commit together, so a
 * row is sent once however many workers or queue jobs reach it.
 */
async function deliverRow(
  trx: Executor,
  sms: SmsProvider,
  row: OutboxRow,
  log: Logger,
  topics: TopicHandlers,
): Promise<void> {
  if (row.topic !== 'sms.send') {
    const handler = topics[row.topic]
    if (!handler) {
      log.warn({ outboxId: row.id, topic: row.topic }, 'no handler for outbox topic')
      // Recorded as a failure: retried with backoff, never spun on.
      throw new Error(`no handler for outbox topic ${row.topic}`)
    }
    await handler(trx, row.payload as unknown as Record<string, unknown>)
    await trx('outbox')
      .where({ id: row.id })
      .update({ dispatched_at: trx.fn.now(), attempts: row.attempts + 1 })
    return
  }
  const providerId = await sms.send(row.payload.to, row.payload.message)
  await trx('sms_messages')
    .insert({
      outbox_id: row.id,
      to_phone: row.payload.to,
      body: row.payload.message,
      provider: sms.name,
      status: 'sent',
      provider_message_id: providerId,
      sent_at: trx.fn.now(),
    })
    .onConflict('outbox_id')
    .ignore()
  if (row.payload.notificationId)
    await trx('notifications').where({ id: row.payload.notificationId }).update({ sms_status: 'sent' })
  await trx('outbox')
    .where({ id: row.id })
    .update({ dispatched_at: trx.fn.now(), attempts: row.attempts + 1 })
}

/** After this many failed tries a text is given up on, and its notification marked failed. */
export const MAX_SMS_ATTEMPTS = 8

async function recordFailure(db: Executor, row: OutboxRow, err: unknown, retryInSeconds: number) {
  const attempts = row.attempts + 1
  const giveUp = attempts >= MAX_SMS_ATTEMPTS
  await db('outbox')
    .where({ id: row.id })
    .update({
      attempts,
      last_error: String(err).slice(0, 500),
      available_at: db.raw(`now() + make_interval(secs => ?)`, [retryInSeconds]),
      ...(giveUp ? { dispatched_at: db.fn.now() } : {}),
    })
  if (giveUp && row.payload.notificationId)
    await db('notifications').where({ id: row.payload.notificationId }).update({ sms_status: 'failed' })
}

const backoff = (attempts: number) => Math.min(3600, 2 ** (attempts + 1))

/**
 * One try at a locked outbox row, in a savepoint: delivered, or the failure recorded (with its backoff)
 * and answered, the row's lock still held by the caller's transaction.
 */
async function attemptDelivery(
  trx: Executor,
  sms: SmsProvider,
  row: OutboxRow,
  log: Logger,
  topics: TopicHandlers,
) {
  try {
    await trx.transaction((sp) => deliverRow(sp, sms, row, log, topics))
    return null
  } catch (err) {
    await recordFailure(trx, row, err, backoff(row.attempts))
    return err
  }
}

/**
 * Without Redis: delivers outbox rows in this process, a batch at a time, claimed with SKIP LOCKED so
 * several processes may run it at once.
 */
export function createOutboxDispatcher({
  db,
  sms,
  log,
  topics = {},
}: {
  db: Db
  sms: SmsProvider
  log: Logger
  topics?: TopicHandlers
}) {
  async function dispatchBatch(batch = 50): Promise<number> {
    return db.transaction(async (trx) => {
      const rows: OutboxRow[] = await trx('outbox')
        .whereNull('dispatched_at')
        .where('available_at', '<=', trx.fn.now())
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .select('id', 'topic', 'payload', 'attempts')
      for (const row of rows) {
        const failure = await attemptDelivery(trx, sms, row, log, topics)
        if (failure)
          log.warn({ outboxId: row.id, err: String(failure) }, 'outbox delivery failed; will retry')
      }
      return rows.length
    })
  }
  return { dispatchBatch }
}

/**
 * With Redis: the relay hands outbox rows to a BullMQ queue (job id = outbox id, so a row is queued
 * once at a time), and the worker delivers each with `deliverRow`. The database stays the truth: a
 * row handed over but not delivered within `requeueAfterMs` (Redis restarted and lost its jobs) is
 * handed over again, and delivery under the row lock makes a second job for it a no-op.
 */
export async function startQueuedDelivery(opts: {
  db: Db
  sms: SmsProvider
  log: Logger
  redisUrl: string
  prefix: string
  requeueAfterMs?: number
  concurrency?: number
  topics?: TopicHandlers
}) {
  const { db, sms, log } = opts
  const topics = opts.topics ?? {}
  const requeueAfter = (opts.requeueAfterMs ?? 30_000) / 1000
  // The relay's connection fails fast while Redis is away (the rows just wait); the worker's blocks.
  const queueConnection = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  const workerConnection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null })
  queueConnection.on('error', () => {})
  workerConnection.on('error', () => {})
  const queue = new Queue('gopay-notifications', { connection: queueConnection, prefix: opts.prefix })
  const worker = new Worker(
    'gopay-notifications',
    async (job) => {
      const id = String(job.data.outboxId)
      const failure = await db.transaction(async (trx) => {
        const row: OutboxRow | undefined = await trx('outbox')
          .where({ id })
          .whereNull('dispatched_at')
          .forUpdate()
          .first('id', 'topic', 'payload', 'attempts')
        // No row: delivered already, by an earlier job for the same row.
        return row ? attemptDelivery(trx, sms, row, log, topics) : null
      })
      // Thrown after the failure is recorded, so BullMQ retries with its backoff.
      if (failure) throw failure
    },
    {
      connection: workerConnection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 8,
    },
  )
  worker.on('error', (err) => log.warn({ err: String(err) }, 'notification worker connection problem'))
  queue.on('error', (err) => log.warn({ err: String(err) }, 'notification queue connection problem'))

  async function relay(batch = 200): Promise<number> {
    return db.transaction(async (trx) => {
      const rows: Array<{ id: string }> = await trx('outbox')
        .whereNull('dispatched_at')
        .where('available_at', '<=', trx.fn.now())
        .where((q) =>
          q
            .whereNull('enqueued_at')
            .orWhere('enqueued_at', '<', trx.raw(`now() - make_interval(secs => ?)`, [requeueAfter])),
        )
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .select('id')
      if (!rows.length) return 0
      // If Redis refuses, this throws and the transaction rolls back: the rows wait for the next run.
      await queue.addBulk(
        rows.map((r) => ({
          name: 'sms',
          data: { outboxId: String(r.id) },
          opts: {
            jobId: `outbox-${r.id}`,
            attempts: MAX_SMS_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      )
      await trx('outbox')
        .whereIn(
          'id',
          rows.map((r) => r.id),
        )
        .update({ enqueued_at: trx.fn.now() })
      return rows.length
    })
  }
  return {
    relay,
    async stop() {
      await worker.close()
      await queue.close()
      queueConnection.disconnect()
      workerConnection.disconnect()
    },
  }
}
