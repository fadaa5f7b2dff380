import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import express from 'express'
import { createProxyMiddleware } from 'http-proxy-middleware'

export interface AdminWebOptions {
  /** 0 picks a free port (tests). */
  port: number
  host?: string
  /** Where the core API listens; the page reaches it through this server's /v1 (same origin, no CORS). */
  coreApiUrl: string
  /** The built single-page app (see build.ts). */
  distDir: string
}

export interface AdminWeb {
  url: string
  close(): Promise<void>
}

/**
 * The admin web server: the built page, and /v1 passed through to the core unchanged. The page and
 * the API share one origin, so the core needs no CORS rule and tokens never cross origins.
 */
export async function startAdminWeb(opts: AdminWebOptions): Promise<AdminWeb> {
  const index = join(opts.distDir, 'index.html')
  if (!existsSync(index)) throw new Error(`the admin web is not built (${index} is missing)`)
  const app = express()
  app.disable('x-powered-by')
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader(
      'Content-Security-Policy',
      // Charts set inline styles; ID photos arrive as blob: URLs.
      "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    )
    next()
  })
  app.use(
    createProxyMiddleware({
      target: opts.coreApiUrl,
      pathFilter: ['/v1', '/healthz', '/readyz'],
      xfwd: true,
    }),
  )
  app.use(express.static(opts.distDir, { index: false, maxAge: '1h' }))
  // Client-side routes (/users/…) all get the page.
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  const server = app.listen(opts.port, opts.host ?? '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { address, port } = server.address() as AddressInfo
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
