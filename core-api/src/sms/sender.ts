import type { Db } from '@gopay/db'
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

/**
 * Delivers outbox messages. Each outbox row becomes at most one sms_messages row (unique outbox_id),
 * written in the same transaction that marks the row dispatched, so a restart never sends twice.
 */
export function createOutboxDispatcher({ db, sms, log }: { db: Db; sms: SmsProvider; log: Logger }) {
  async function dispatchBatch(batch = 50): Promise<number> {
    return db.transaction(async (trx) => {
      const rows = await trx('outbox')
        .whereNull('dispatched_at')
        .where('available_at', '<=', trx.fn.now())
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .select('id', 'topic', 'payload', 'attempts')
      for (const row of rows) {
        if (row.topic !== 'sms.send') {
          log.warn({ outboxId: row.id, topic: row.topic }, 'no handler for outbox topic')
          continue
        }
        try {
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
          await trx('outbox')
            .where({ id: row.id })
            .update({ dispatched_at: trx.fn.now(), attempts: row.attempts + 1 })
        } catch (err) {
          // Back off: 2^attempts seconds, at most an hour.
          const delay = Math.min(3600, 2 ** (row.attempts + 1))
          await trx('outbox')
            .where({ id: row.id })
            .update({
              attempts: row.attempts + 1,
              last_error: String(err).slice(0, 500),
              available_at: trx.raw(`now() + make_interval(secs => ?)`, [delay]),
            })
          log.warn({ outboxId: row.id, err: String(err) }, 'outbox delivery failed; will retry')
        }
      }
      return rows.length
    })
  }
  return { dispatchBatch }
}
