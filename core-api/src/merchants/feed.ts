import { randomUUID } from 'node:crypto'
import type { Db } from '@gopay/db'
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
  /**
   * Notifications are proven to arrive (a probe sent on another connection came back). The embedded
   * PGlite's socket does not pass them between connections: streams then re-read every second.
   */
  live(): boolean
  close(): Promise<void>
}

export const CHANNEL = 'payment_request_status'

export function createPaymentRequestFeed({
  db,
  databaseUrl,
  log,
}: {
  db: Db
  databaseUrl?: string
  log?: Logger
}): PaymentRequestFeed {
  const watchers = new Map<string, Set<() => void>>()
  let live = false
  const probes = new Map<string, () => void>()
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
      live = false
    }, 30_000)
    idle.unref()
  }

  function connect() {
    if (!databaseUrl || closed || connecting || client) return
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'gopay-feed' })
    connecting = c
      .connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(async () => {
        client = c
        c.on('notification', (n) => {
          const payload = n.payload ?? ''
          probes.get(payload)?.()
          for (const w of watchers.get(payload) ?? []) w()
        })
        const probe = `probe:${randomUUID()}`
        live = await new Promise<boolean>((answer) => {
          const timer = setTimeout(() => answer(false), 1000)
          probes.set(probe, () => {
            clearTimeout(timer)
            answer(true)
          })
          db.raw('SELECT pg_notify(?, ?)', [CHANNEL, probe]).catch(() => answer(false))
        }).finally(() => probes.delete(probe))
        if (!live)
          log?.info('payment request feed: notifications do not arrive here; streams re-read every second')
        c.on('error', (err) => {
          log?.warn({ err }, 'payment request feed: connection lost')
          client = undefined
          live = false
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
    live: () => live,
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
