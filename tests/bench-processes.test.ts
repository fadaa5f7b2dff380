import { describe, expect, it } from 'vitest'
import { startService } from '../bench/processes'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('services a benchmark starts', () => {
  it('are gone, the process itself and not only a launcher, once stopped', async () => {
    let out = ''
    const service = await startService('tests/fixtures/idle-service.ts', {}, /listening, pid \d+/, (d) => {
      out += d
    })
    const pid = Number(/pid (\d+)/.exec(out)![1])
    expect(alive(pid)).toBe(true)
    await service.stop()
    expect(alive(pid)).toBe(false)
  })
})
