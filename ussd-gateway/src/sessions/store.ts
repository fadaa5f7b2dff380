import { Redis } from 'ioredis'

/** Where a USSD session is: everything needed to read the next hop, and the answer to the last one. */
export interface SessionState {
  phone: string
  lang: 'en' | 'sw'
  registered: boolean
  /** The `text` of the last hop answered, and its answer: a resent hop gets the same answer. */
  lastText: string
  lastResponse: string
  hops: number
  /** Screens walked, the current one last (0 goes back one). */
  stack: string[]
  page: number
  data: Record<string, string>
  /** Money movements started in this session: each gets its own idempotency key. */
  seq: number
  ended: boolean
  startedAt: number
}

export interface SessionStore {
  get(id: string): Promise<SessionState | null>
  set(id: string, s: SessionState): Promise<void>
  /** Runs `fn` with no other hop of the same session running (networks resend while we answer). */
  withLock<T>(id: string, fn: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** A session outlives the network's 180 s limit a little, so late resends still find their answer. */
export const SESSION_TTL_SECONDS = 300

export function memorySessionStore(ttlSeconds = SESSION_TTL_SECONDS): SessionStore {
  const sessions = new Map<string, { s: SessionState; until: number }>()
  const locks = new Map<string, Promise<unknown>>()
  const sweep = setInterval(() => {
    const now = Date.now()
    for (const [k, v] of sessions) if (v.until < now) sessions.delete(k)
  }, 30_000).unref()
  return {
    async get(id) {
      const v = sessions.get(id)
      if (!v || v.until < Date.now()) return null
      return structuredClone(v.s)
    },
    async set(id, s) {
      sessions.set(id, { s: structuredClone(s), until: Date.now() + ttlSeconds * 1000 })
    },
    async withLock(id, fn) {
      const before = locks.get(id) ?? Promise.resolve()
      const run = before.then(fn, fn)
      const tail = run.catch(() => undefined)
      locks.set(id, tail)
      try {
        return await run
      } finally {
        if (locks.get(id) === tail) locks.delete(id)
      }
    },
    async close() {
      clearInterval(sweep)
    },
  }
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

export function redisSessionStore(
  url: string,
  opts: { prefix?: string; ttlSeconds?: number } = {},
): SessionStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 })
  const prefix = opts.prefix ?? 'gopay:ussd:'
  const ttl = opts.ttlSeconds ?? SESSION_TTL_SECONDS
  return {
    async get(id) {
      const raw = await redis.get(`${prefix}s:${id}`)
      return raw ? (JSON.parse(raw) as SessionState) : null
    },
    async set(id, s) {
      await redis.set(`${prefix}s:${id}`, JSON.stringify(s), 'EX', ttl)
    },
    async withLock(id, fn) {
      // A lock across gateway processes; it expires by itself if its holder dies mid-hop.
      const key = `${prefix}lock:${id}`
      const token = `${process.pid}-${Math.random()}`
      const deadline = Date.now() + 15_000
      while ((await redis.set(key, token, 'PX', 15_000, 'NX')) !== 'OK') {
        if (Date.now() > deadline) throw new Error(`session ${id} stayed locked`)
        await new Promise((r) => setTimeout(r, 15))
      }
      try {
        return await fn()
      } finally {
        await redis.eval(RELEASE, 1, key, token)
      }
    },
    async close() {
      redis.disconnect()
    },
  }
}
