import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PtyPair {
  /** The device's end (the virtual device opens it). */
  devicePath: string
  /** The host's end (what a driver opens, as it would /dev/ttyUSB0). */
  hostPath: string
  close(): Promise<void>
}

export const hasSocat = () => ['/usr/bin/socat', '/bin/socat', '/usr/local/bin/socat'].some(existsSync)

/** A pair of connected pseudo-terminals made by socat: a real serial line, minus the cable. */
export async function openPtyPair(opts: { dir?: string } = {}): Promise<PtyPair> {
  // A given folder gives the same paths again: a device "plugged back in" where it was.
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'gopay-pty-'))
  const devicePath = join(dir, 'device')
  const hostPath = join(dir, 'host')
  const socat = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`],
    { stdio: 'ignore' },
  )
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()))
  const until = Date.now() + 5000
  while (!(existsSync(devicePath) && existsSync(hostPath))) {
    if (Date.now() > until || socat.exitCode !== null) {
      socat.kill()
      throw new Error('socat did not make the pty pair (is Debian socat installed?)')
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  return {
    devicePath,
    hostPath,
    async close() {
      if (socat.exitCode === null) {
        socat.kill()
        await exited
      }
      if (!opts.dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}
