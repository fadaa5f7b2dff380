import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, ipcMain, safeStorage, screen } from 'electron'
import { openDevices } from '@gopay/hardware'
import { channels, isChannel, parseInput, type Channel } from '../bridge/contract'
import { createTerminal } from '../node/terminal'
import type { Cipher } from '../node/vault'

// The Electron shell: two windows (the operator's, and the customer's on a second screen when there
// is one), and the bridge's channels registered over IPC. Everything else is in node/.
const keychain: Cipher = {
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
}

async function main() {
  await app.whenReady()
  const dataDir = join(process.env.GOPAY_DATA_DIR ?? app.getPath('userData'), 'terminal')
  const devices = await openDevices(process.env, { merchantName: 'GoPay', dataDir: join(dataDir, 'printer') })
  const terminal = createTerminal({
    coreUrl: process.env.GOPAY_CORE_URL ?? `http://127.0.0.1:${process.env.CORE_API_PORT ?? 8080}`,
    dataDir,
    devices,
    cipher: safeStorage.isEncryptionAvailable() ? keychain : undefined,
    poleDisplay: !!process.env.GOPAY_DISPLAY && process.env.GOPAY_DISPLAY !== 'window',
  })
  for (const channel of Object.keys(channels) as Channel[])
    ipcMain.handle(channel, (event, input: unknown) => {
      // Only our own windows' frames may call, and every message is checked before it is acted on.
      if (!windows.some((w) => w.webContents.id === event.sender.id) || !isChannel(channel))
        throw new Error('refused')
      const handler = terminal.handlers[channel] as (i: unknown) => Promise<unknown>
      return handler(parseInput(channel, input))
    })

  const here = dirname(fileURLToPath(import.meta.url))
  const webPreferences = {
    preload: join(here, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
  }
  const page = join(here, '../renderer/index.html')
  const operator = new BrowserWindow({ width: 1280, height: 800, title: 'GoPay terminal', webPreferences })
  const displays = screen.getAllDisplays()
  const second = displays.find((d) => d.id !== screen.getPrimaryDisplay().id)
  const customer = new BrowserWindow({
    ...(second ? { x: second.bounds.x, y: second.bounds.y, fullscreen: true } : { width: 800, height: 600 }),
    title: 'GoPay — customer display',
    webPreferences,
  })
  const windows = [operator, customer]
  terminal.onEvent((name, payload) => {
    for (const w of windows) if (!w.isDestroyed()) w.webContents.send(`event:${name}`, payload)
  })
  for (const w of windows) w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  await operator.loadFile(page)
  await customer.loadFile(page, { hash: 'display' })
  await terminal.start()

  app.on('window-all-closed', async () => {
    await terminal.stop()
    await devices.close()
    app.quit()
  })
}

void main()
