import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDevices, type TerminalDevices } from '@gopay/hardware'
import { createTerminal, type TerminalOptions } from '../node/terminal'
import { startTerminalServer } from './server'

export const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url))

/**
 * The terminal in browser mode: its devices (GOPAY_PRINTER, GOPAY_CARD_READER, GOPAY_DISPLAY), the
 * terminal's node side, and the local server on TERMINAL_PORT. Requests left unknown by the last run
 * are being resolved before the page lets anyone move money.
 */
export async function startBrowserTerminal(
  opts: {
    coreUrl: string
    dataDir: string
    port?: number
    env?: Record<string, string | undefined>
    devices?: TerminalDevices
  } & Partial<Pick<TerminalOptions, 'checkInMs' | 'retry' | 'paperWidth' | 'fetch'>>,
) {
  const devices =
    opts.devices ??
    (await openDevices(opts.env ?? process.env, {
      merchantName: 'GoPay',
      dataDir: join(opts.dataDir, 'printer'),
    }))
  const env = opts.env ?? process.env
  const poleDisplay = !!env.GOPAY_DISPLAY && env.GOPAY_DISPLAY !== 'window'
  const terminal = createTerminal({ ...opts, devices, poleDisplay })
  await terminal.start()
  const server = await startTerminalServer({ host: terminal, rendererDir, port: opts.port })
  return {
    url: server.url,
    port: server.port,
    terminal,
    devices,
    async close() {
      await server.close()
      await terminal.stop()
      if (!opts.devices) await devices.close()
    },
  }
}
