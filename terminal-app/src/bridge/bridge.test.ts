import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { makeBridge } from './client'
import { channels, events, parseInput, type EventName, type Handlers } from './contract'
import { startTerminalServer } from '../server/server'

const info = {
  activated: true,
  terminalId: 't-1',
  kind: 'agent' as const,
  ownerCode: 'AG001',
  businessName: 'Shop',
  currency: 'KES',
  status: 'active' as const,
  operator: null,
  unresolved: 0,
}

describe('the bridge contract', () => {
  it('names every channel area.action and checks inputs', () => {
    for (const c of Object.keys(channels)) expect(c).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/)
    const key = crypto.randomUUID()
    expect(parseInput('cashIn.submit', { key, customerPhone: '+254711000001', amount: '150050' })).toEqual({
      key,
      customerPhone: '+254711000001',
      amount: '150050',
    })
    // Floats, negative amounts, local phones, extra fields and missing keys are refused.
    for (const bad of [
      { key, customerPhone: '+254711000001', amount: '15.5' },
      { key, customerPhone: '+254711000001', amount: '-1' },
      { key, customerPhone: '0711000001', amount: '100' },
      { key, customerPhone: '+254711000001', amount: '100', extra: 1 },
      { customerPhone: '+254711000001', amount: '100' },
    ])
      expect(() => parseInput('cashIn.submit', bad)).toThrow()
    expect(() =>
      parseInput('cashOut.submit', { key, customerPhone: '+254711000001', amount: '1', customerPin: '12' }),
    ).toThrow()
  })

  it('builds one object per area over any transport, checking answers and events', async () => {
    const calls: Array<[string, unknown]> = []
    const listeners = new Map<EventName, (p: unknown) => void>()
    const bridge = makeBridge(
      async (channel, input) => {
        calls.push([channel, input])
        return channel === 'terminal.info' ? info : { nonsense: true }
      },
      (event, handler) => {
        listeners.set(event, handler)
        return () => listeners.delete(event)
      },
    )
    expect(await bridge.terminal.info()).toEqual(info)
    expect(calls).toEqual([['terminal.info', {}]])
    // A malformed answer never reaches the renderer.
    await expect(bridge.devices.status()).rejects.toThrow()
    // A bad input never leaves the renderer.
    await expect(bridge.session.signIn({ phone: 'x', pin: '1' })).rejects.toThrow()
    expect(calls).toHaveLength(2)
    const seen: unknown[] = []
    const off = bridge.on('money.checking', (p) => seen.push(p))
    listeners.get('money.checking')!({ key: 'k', attempt: 2 })
    listeners.get('money.checking')!({ key: 'k' }) // malformed: dropped
    expect(seen).toEqual([{ key: 'k', attempt: 2 }])
    off()
    expect(listeners.has('money.checking')).toBe(false)
    expect(Object.keys(events)).toContain('terminal.changed')
  })
})

describe('the browser-mode server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gopay-bridge-'))
  let server: Awaited<ReturnType<typeof startTerminalServer>>
  const emitted = new Set<(n: EventName, p: unknown) => void>()
  const received: unknown[] = []
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
    const handlers = {
      'terminal.info': async () => info,
      'cashIn.submit': async (input: unknown) => {
        received.push(input)
        return { outcome: 'refused', code: 'insufficient_funds', message: 'Float too low.' }
      },
    } as unknown as Handlers
    server = await startTerminalServer({
      rendererDir: dir,
      host: {
        handlers,
        onEvent: (l) => {
          emitted.add(l)
          return () => void emitted.delete(l)
        },
      },
    })
  })
  afterAll(() => server.close())

  const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/bridge/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  it('serves the same channels over HTTP, with inputs checked before any handler runs', async () => {
    expect(await (await post('terminal.info', {})).json()).toEqual(info)
    const bad = await post('cashIn.submit', {
      key: 'not-a-uuid',
      customerPhone: '+254711000001',
      amount: '1',
    })
    expect(bad.status).toBe(400)
    expect(received).toEqual([])
    const key = crypto.randomUUID()
    const ok = await post('cashIn.submit', { key, customerPhone: '+254711000001', amount: '100' })
    expect((await ok.json()).code).toBe('insufficient_funds')
    expect(received).toEqual([{ key, customerPhone: '+254711000001', amount: '100' }])
    expect((await post('nothing.here', {})).status).toBe(404)
  })

  it('refuses pages of another origin and rebound host names', async () => {
    expect((await post('terminal.info', {}, { origin: 'http://evil.example' })).status).toBe(403)
    // fetch cannot set Host: a plain request as a rebound DNS name would send it.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${server.url}/bridge/terminal.info`, {
        method: 'POST',
        headers: { host: `evil.example:${server.port}`, 'content-type': 'application/json' },
      })
      req
        .on('response', (res) => resolve(res.statusCode))
        .on('error', reject)
        .end('{}')
    })
    expect(status).toBe(403)
  })

  it('pushes events over the WebSocket', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/bridge/events`)
    await new Promise((r) => ws.once('open', r))
    await new Promise((r) => setTimeout(r, 50))
    const got = new Promise<string>((r) => ws.once('message', (m) => r(String(m))))
    for (const l of emitted) l('money.checking', { key: 'k', attempt: 1 })
    expect(JSON.parse(await got)).toEqual({ event: 'money.checking', payload: { key: 'k', attempt: 1 } })
    ws.close()
    const evil = new WebSocket(`${server.url.replace('http', 'ws')}/bridge/events`, {
      origin: 'http://evil.example',
    })
    await expect(
      new Promise((resolve, reject) => {
        evil.once('open', resolve)
        evil.once('error', reject)
      }),
    ).rejects.toThrow()
  })
})
