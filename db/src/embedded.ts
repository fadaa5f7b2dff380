import { mkdirSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { PGlite } from '@electric-sql/pglite'

export interface EmbeddedPostgres {
  url: string
  stop(): Promise<void>
}

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
const PROTOCOL_3 = 196608
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4])
const ROLLBACK = (() => {
  const sql = Buffer.from('ROLLBACK\0')
  const m = Buffer.alloc(5 + sql.length)
  m.write('Q', 0)
  m.writeInt32BE(4 + sql.length, 1)
  sql.copy(m, 5)
  return new Uint8Array(m)
})()

/** One client connection: its socket, the bytes not yet a whole message, whole messages waiting. */
interface Connection {
  socket: Socket
  buffer: Buffer
  waiting: Array<{ bytes: Buffer; startup: boolean }>
  /** Its startup message has been read: from then on every message has a type byte. */
  started: boolean
  closed: boolean
}

/**
 * PGlite (Postgres compiled to WASM) behind a Postgres wire-protocol socket, so the same `pg` driver,
 * migrations and SQL serve the embedded default and a real server.
 *
 * PGlite is ONE backend: one session, one unnamed prepared statement, one transaction state. Several
 * client connections share it, so each gets the backend for a whole unit of work and nobody else's
 * message runs in between: from its first message up to the Sync (extended protocol) or Query (simple
 * protocol) that ends it, and, when that leaves a transaction block open, on to the end of the
 * transaction. Message by message interleaving (what @electric-sql/pglite-socket does outside a
 * transaction) lets one client's Bind meet another's Parse: "bind message supplies 2 parameters, but
 * prepared statement "" requires 5", "unnamed prepared statement does not exist", or rows of one
 * query answered to another.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string
  port?: number
  maxConnections?: number
}): Promise<EmbeddedPostgres> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const db = await PGlite.create(opts.dataDir ?? 'memory://')
  const maxConnections = opts.maxConnections ?? 16

  const connections = new Set<Connection>()
  /** The connection whose unit of work holds the backend, if any. */
  let owner: Connection | null = null
  /** Connections with whole messages waiting for the backend, first come first served. */
  const queue: Connection[] = []
  let pumping = false
  let stopping = false

  const inTransaction = () => db.isInTransaction()

  /**
   * Gives up the backend of a connection that went away: a Sync ends whatever extended-protocol
   * sequence it left half sent, and a transaction it left open is rolled back.
   */
  async function release(c: Connection) {
    if (owner !== c) return
    await db
      .runExclusive(async () => {
        // Wire messages, not db.exec (which takes this same mutex): nothing else may run in between.
        await db.execProtocolRawStream(SYNC, { onRawData: () => undefined })
        if (inTransaction()) await db.execProtocolRawStream(ROLLBACK, { onRawData: () => undefined })
      })
      .catch(() => undefined)
    owner = null
  }

  function close(c: Connection) {
    if (c.closed) return
    c.closed = true
    c.waiting = []
    connections.delete(c)
    c.socket.destroy()
    void (async () => {
      await release(c)
      pump()
    })()
  }

  /** Runs waiting messages, one unit of work at a time, until nothing can run. */
  async function run() {
    for (;;) {
      if (!owner) {
        let next: Connection | undefined
        while ((next = queue.shift()) && (next.closed || !next.waiting.length));
        if (!next) return
        owner = next
      }
      const c: Connection = owner
      const next = c.waiting.shift()
      // The owner is between statements of its transaction: nobody else may run until it is back.
      if (!next) return
      const { bytes: message, startup } = next
      const type = startup ? 0 : message[0]!
      if (type === 0x58 /* X: Terminate */) {
        close(c)
        continue
      }
      try {
        await db.runExclusive(() =>
          db.execProtocolRawStream(new Uint8Array(message), {
            onRawData: (data) => {
              if (!c.closed && data.length) c.socket.write(Buffer.from(data))
            },
          }),
        )
      } catch {
        // PGlite itself failed (not an SQL error, which it answers on the wire): drop this client.
        close(c)
        continue
      }
      const endsUnit = startup || type === 0x53 /* S: Sync */ || type === 0x51 /* Q: Query */
      if (endsUnit && !inTransaction() && owner === c) {
        owner = null
        // Work it sent meanwhile goes behind the others that waited.
        if (c.waiting.length) queue.push(c)
      }
    }
  }

  function pump() {
    if (pumping) return
    pumping = true
    void run().finally(() => {
      pumping = false
      // Messages that arrived while the loop was finishing.
      if (!owner ? queue.some((c) => c.waiting.length) : owner.waiting.length) pump()
    })
  }

  function receive(c: Connection, data: Buffer) {
    c.buffer = c.buffer.length ? Buffer.concat([c.buffer, data]) : data
    let added = false
    for (;;) {
      const b = c.buffer
      if (!c.started) {
        // Before the session starts: an SSL or cancel request, then the startup message (no type byte).
        if (b.length < 8) break
        const length = b.readInt32BE(0)
        const code = b.readInt32BE(4)
        if (length === 8 && code === SSL_REQUEST) {
          c.socket.write('N') // no TLS on a loopback socket
          c.buffer = b.subarray(8)
          continue
        }
        if (length === 16 && code === CANCEL_REQUEST) {
          // PGlite has no other backend to signal: a cancel cannot be honoured, and needs no answer.
          if (b.length < 16) break
          c.buffer = b.subarray(16)
          continue
        }
        if (code !== PROTOCOL_3) {
          close(c)
          return
        }
        if (b.length < length) break
        c.waiting.push({ bytes: Buffer.from(b.subarray(0, length)), startup: true })
        c.buffer = b.subarray(length)
        c.started = true
        added = true
        continue
      }
      if (b.length < 5) break
      const length = 1 + b.readInt32BE(1)
      if (b.length < length) break
      c.waiting.push({ bytes: Buffer.from(b.subarray(0, length)), startup: false })
      c.buffer = b.subarray(length)
      added = true
    }
    if (!added) return
    if (owner !== c && !queue.includes(c)) queue.push(c)
    pump()
  }

  const server: Server = createServer((socket) => {
    if (stopping || connections.size >= maxConnections) {
      socket.end()
      return
    }
    socket.setNoDelay(true)
    const c: Connection = { socket, buffer: Buffer.alloc(0), waiting: [], started: false, closed: false }
    connections.add(c)
    socket.on('data', (d: Buffer) => receive(c, d))
    socket.on('error', () => close(c))
    socket.on('close', () => close(c))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as { port: number }).port

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      stopping = true
      for (const c of [...connections]) close(c)
      await new Promise<void>((resolve) => server.close(() => resolve()))
      // Let a unit still running end before the database closes under it.
      while (pumping) await new Promise((r) => setTimeout(r, 5))
      await db.close()
    },
  }
}
