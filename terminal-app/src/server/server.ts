import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express from 'express'
import { WebSocketServer } from 'ws'
import { ZodError } from 'zod'
import { isChannel, parseInput, type Channel, type EventName, type Handlers } from '../bridge/contract'

export interface BridgeHost {
  handlers: Handlers
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])
const isLoopbackAddress = (a: string | undefined) =>
  a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1'

/**
 * Refuses anything not addressed to and coming from this machine: a remote client, a page of another
 * origin (the Origin header), or a rebound DNS name (the Host header).
 */
function sameMachine(req: IncomingMessage, port: number) {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return false
  const host = req.headers.host ?? ''
  const hostname = host.replace(/:\d+$/, '')
  if (!loopbackHosts.has(hostname) || host !== `${hostname}:${port}`) return false
  const origin = req.headers.origin
  return !origin || origin === `http://${host}`
}

/**
 * Browser mode: the built renderer, and the same bridge as Electron's preload over HTTP
 * (`POST /bridge/area.action`) and a WebSocket (`/bridge/events`), on loopback only.
 */
export async function startTerminalServer(opts: { host: BridgeHost; rendererDir: string; port?: number }) {
  const app = express()
  let port = 0
  app.disable('x-powered-by')
  app.use((req, res, next) =>
    sameMachine(req, port) ? next() : res.status(403).json({ error: 'loopback only' }),
  )
  app.use(express.json({ limit: '4mb' }))
  app.post('/bridge/:channel', async (req, res) => {
    const channel = req.params.channel
    if (!isChannel(channel)) return void res.status(404).json({ error: `no channel ${channel}` })
    try {
      const input = parseInput(channel, req.body)
      const handler = opts.host.handlers[channel] as (i: unknown) => Promise<unknown>
      res.json(await handler(input))
    } catch (e) {
      if (e instanceof ZodError)
        return void res.status(400).json({ error: e.issues.map((i) => i.message).join('; ') })
      console.error(`bridge ${channel as Channel}:`, e)
      res.status(500).json({ error: 'the terminal could not do that' })
    }
  })
  if (!existsSync(join(opts.rendererDir, 'index.html')))
    throw new Error(
      `the terminal's renderer is not built (${opts.rendererDir}): npm run build -w terminal-app`,
    )
  app.use(express.static(opts.rendererDir, { index: 'index.html' }))
  // The customer display is the same page at /display (the second window or a second screen).
  app.get('/display', (_req, res) => res.sendFile(join(opts.rendererDir, 'index.html')))

  const server = createServer(app)
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== '/bridge/events' || !sameMachine(req, port)) return void socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => {
      const off = opts.host.onEvent((event, payload) => ws.send(JSON.stringify({ event, payload })))
      ws.on('close', off)
    })
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      for (const c of wss.clients) c.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
