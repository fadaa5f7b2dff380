import type { Executor } from '@gopay/db'

export interface SmsMessage {
  to: string
  message: string
}

export type OutboxMessage = { topic: 'sms.send'; payload: SmsMessage }

export interface Outbox {
  /** Written in the caller's transaction, so a message exists exactly when the change it announces does. */
  add(trx: Executor, ...messages: OutboxMessage[]): Promise<void>
}

export function createOutbox(): Outbox {
  return {
    async add(trx, ...messages) {
      if (!messages.length) return
      await trx('outbox').insert(
        messages.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload) })),
      )
    },
  }
}
