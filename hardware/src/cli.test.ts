import { execFile } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrinter } from './printer/driver'
import { renderReceipt, receiptKinds } from './printer/receipts'
import { sampleHeader, sampleReceipts } from './printer/samples'
import { TcpTransport } from './transport/tcp'
import { VirtualPrinter } from './virtual/printer'
import { listenTcp } from './virtual/tcp'

const run = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname
const cliIn = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'hardware/src/cli.ts', ...args], { cwd: root, env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  )
const cli = (...args: string[]) => cliIn(process.env, ...args)

describe('printing to a network printer (TCP 9100)', () => {
  let tcp: Awaited<ReturnType<typeof listenTcp>>
  let virtual: VirtualPrinter
  beforeAll(async () => {
    tcp = await listenTcp({ bytesPerSecond: 20_000 })
    virtual = new VirtualPrinter(tcp.link)
  })
  afterAll(async () => {
    await tcp.close()
  })

  it('delivers every receipt kind whole to a slow printer, in chunks, in order', async () => {
    const url = new URL(tcp.connection)
    const printer = createPrinter(new TcpTransport(url.hostname, Number(url.port), { chunkBytes: 128 }), {
      pollMs: 50,
    })
    const before = virtual.receipts.length
    for (const kind of receiptKinds)
      await printer.print({
        id: `tcp-${kind}`,
        bytes: renderReceipt(sampleReceipts[kind], sampleHeader, { width: 80 }),
      })
    while (virtual.receipts.length < before + receiptKinds.length) await new Promise((r) => setTimeout(r, 50))
    expect(virtual.receipts.slice(before).map((r) => r.qrCodes[0])).toEqual(
      receiptKinds.map((k) => sampleReceipts[k].reference),
    )
    await printer.close()
  })

  it(
    'npm run hardware -- print-sample exits non-zero when the printer reports a problem',
    { timeout: 60_000 },
    async () => {
      virtual.set({ paperOut: true })
      const refused = await cli('print-sample', 'cash-in', '--printer', tcp.connection, '--width', '58')
      expect(refused.code).toBe(1)
      expect(refused.out).toContain('out of paper')
      virtual.set({ paperOut: false })
      const before = virtual.receipts.length
      const ok = await cli('print-sample', 'cash-in', '--printer', tcp.connection, '--width', '58')
      expect(ok.code).toBe(0)
      expect(virtual.receipts.length).toBe(before + 1)
      expect(virtual.receipts.at(-1)!.lines.join('\n')).toContain('CASH IN')
      const off = await cli('status', '--printer', 'tcp://127.0.0.1:1')
      expect(off.code).toBe(1)
      expect(off.out).toContain('not answering')
      expect((await cli('print-sample', 'nonsense', '--printer', 'virtual')).code).toBe(1)
    },
  )
})

describe('npm run hardware -- list and status, where things are not what they should be', () => {
  it('says plainly that serial ports could not be listed when udevadm is missing, with no stack', async () => {
    const r = await cliIn({ ...process.env, PATH: '/nonexistent-bin', GOPAY_PRINTER: 'virtual' }, 'list')
    expect(r.out).toMatch(/serial ports could not be listed: udevadm .*is not installed/)
    expect(r.out).toContain('GOPAY_PRINTER=virtual')
    expect(r.out).not.toMatch(/^\s+at /m)
    expect(r.out).not.toContain('ENOENT')
  })

  it('calls a TCP port that answers with text (an HTTP server) "not a printer"', async () => {
    // A web server that answers whatever it gets with an error page and keeps the connection open.
    const web = createServer((socket) =>
      socket.on('data', () =>
        socket.write(
          'HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nConnection: keep-alive\r\n\r\n' +
            '<html><body>Bad request: try GET /status</body></html>\r\n',
        ),
      ),
    )
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r))
    try {
      const { port } = web.address() as AddressInfo
      const printer = createPrinter(new TcpTransport('127.0.0.1', port), { statusTimeoutMs: 300 })
      const s = await printer.status()
      await printer.close()
      expect(s).toMatchObject({ reachable: true, notAPrinter: true, ready: false, paperOut: false })
      const r = await cli('status', '--printer', `tcp://127.0.0.1:${port}`)
      expect(r.code).toBe(1)
      expect(r.out).toContain('not a printer')
      expect(r.out).not.toMatch(/paper|cutter/)
    } finally {
      await new Promise((r) => web.close(r))
    }
  })
})
