import { spawn } from 'node:child_process'
import { once } from 'node:events'

export interface Service {
  /** Stops the process and resolves once it has exited. */
  stop(): Promise<void>
}

/**
 * Starts a TypeScript entry point as its own process (node itself, not a launcher such as npx that
 * would die alone on SIGTERM and leave the real process holding our pipes open) and resolves once its
 * output matches `ready`.
 */
export function startService(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  onOutput?: (text: string) => void,
): Promise<Service> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = once(child, 'exit')
    let out = ''
    let started = false
    const onData = (d: Buffer) => {
      onOutput?.(d.toString())
      if (started) return // still read, so a chatty log never fills the pipe and blocks it
      out = (out + d.toString()).slice(-4000)
      if (!ready.test(out)) return
      started = true
      resolve({
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill('SIGTERM')
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
          await exited
          clearTimeout(killer)
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(([code]) => {
      if (!started) reject(new Error(`${script} exited ${code} before it was ready: ${out.slice(-500)}`))
    })
  })
}
