import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedPostgres {
  url: string
  stop(): Promise<void>
}

/**
 * PGlite (Postgres compiled to WASM) behind a Postgres wire-protocol socket, so the same `pg` driver,
 * migrations and SQL serve the embedded default and a real server. PGlite is one backend: the socket
 * server multiplexes connections and, while one of them is inside a transaction, runs only that
 * connection's queries, so transactions never interleave.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string
  port?: number
  maxConnections?: number
}): Promise<EmbeddedPostgres> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const db = await PGlite.create(opts.dataDir ?? 'memory://')
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 16,
  })
  await server.start()
  const address = (server as unknown as { server?: { address(): { port: number } } }).server?.address()
  const port = address?.port ?? opts.port
  if (!port) throw new Error('embedded Postgres did not report its port')
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}
