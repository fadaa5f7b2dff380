import { makeBridge, type GopayBridge } from './client'
import type { EventName } from './contract'

/**
 * The bridge in browser mode: the same `window.gopay` as Electron's preload, over the local server's
 * `POST /bridge/area.action` and its `/bridge/events` WebSocket (reconnected when it drops).
 */
export function httpBridge(base = ''): GopayBridge {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>()
  let socket: WebSocket | null = null
  const connect = () => {
    const url = new URL('/bridge/events', base || window.location.href)
    url.protocol = url.protocol.replace('http', 'ws')
    socket = new WebSocket(url)
    socket.onmessage = (m) => {
      const { event, payload } = JSON.parse(String(m.data)) as { event: EventName; payload: unknown }
      for (const h of handlers.get(event) ?? []) h(payload)
    }
    socket.onclose = () => setTimeout(connect, 1000)
  }
  return makeBridge(
    async (channel, input) => {
      const res = await fetch(`${base}/bridge/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
      const body = await res.json()
      if (!res.ok) throw new Error(body.error ?? `bridge ${channel}: HTTP ${res.status}`)
      return body
    },
    (event, handler) => {
      if (!socket) connect()
      const set = handlers.get(event) ?? new Set()
      handlers.set(event, set)
      set.add(handler)
      return () => void set.delete(handler)
    },
  )
}
