import pg from 'pg'
import type { Logger } from 'pino'

/**
 * Tells open event streams that a payment request changed, in whichever process the change was made:
 * the database announces every status change (`pg_notify` from a trigger on payment_requests) and one
 * LISTEN connection per process hands it to the streams. Streams also re-read now and then, so a
 * notification missed while the connection was down (or by a database that does not deliver them)
 * only delays an event, never loses it.
 */
export interface PaymentRequestFeed {
  /** Calls `changed` when request `id` may have changed; answers the unsubscribe. */
  subscribe(id: string, changed: () => void): () => void
  close(): Promise<void>
}

export const CHANNEL = 'payment_request_status'

export function createPaymentRequestFeed({
  databaseUrl,
  log,
}: {
  databaseUrl?: string
  log?: Logger
}): PaymentRequestFeed {
  const watchers = new Map<string, Set<() => void>>()
  let client: pg.Client | undefined
  let connecting: Promise<void> | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined
  let idle: NodeJS.Timeout | undefined

  // With no stream open for a while, the LISTEN connection is let go.
  function release() {
    clearTimeout(idle)
    idle = setTimeout(() => {
      if (watchers.size) return
      client?.end().catch(() => undefined)
      client = undefined
    }, 30_000)
    idle.unref()
  }

  function connect() {
    if (!databaseUrl || closed || connecting || client) return
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'gopay-feed' })
    connecting = c
      .connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        client = c
        c.on('notification', (n) => {
          for (const w of watchers.get(n.payload ?? '') ?? []) w()
        })
        c.on('error', (err) => {
          log?.warn({ err }, 'payment request feed: connection lost')
          client = undefined
          c.end().catch(() => undefined)
          // Everyone re-reads now (they may have missed something), then the feed reconnects.
          for (const set of watchers.values()) for (const w of set) w()
          if (watchers.size && !closed) retry = setTimeout(connect, 1000)
        })
      })
      .catch((err) => {
        log?.warn({ err }, 'payment request feed: cannot listen; streams fall back to re-reading')
        c.end().catch(() => undefined)
        if (watchers.size && !closed) retry = setTimeout(connect, 5000)
      })
      .finally(() => {
        connecting = undefined
      })
  }

  return {
    subscribe(id, changed) {
      let set = watchers.get(id)
      if (!set) watchers.set(id, (set = new Set()))
      set.add(changed)
      connect()
      return () => {
        set.delete(changed)
        if (!set.size) watchers.delete(id)
        if (!watchers.size) release()
      }
    },
    async close() {
      closed = true
      clearTimeout(retry)
      clearTimeout(idle)
      await connecting
      await client?.end().catch(() => undefined)
      client = undefined
    },
  }
}
