import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '@gopay/db'
import { createLogger } from '../observability/logger'
import { createNotifier } from '../notifications/service'
import { until } from '../testing/wait'
import { localSmsProvider, startQueuedDelivery } from './sender'

// A Redis of this test's own, so it can be killed and restarted without touching the shared one.
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0
if (!hasRedisServer) console.warn('redis-server is not installed: the Redis restart test is skipped.')

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

describe.skipIf(!testDatabaseUrl() || !hasRedisServer)(
  'notifications through BullMQ while Redis restarts',
  () => {
    let tdb: TestDatabase
    let redis: ChildProcess | undefined
    let port: number
    const startRedis = async () => {
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      )
      await until(
        async () =>
          spawnSync('redis-cli', ['-p', String(port), 'ping'])
            .stdout?.toString()
            .includes('PONG'),
        5_000,
        'redis',
      )
    }
    beforeAll(async () => {
      tdb = await createTestDatabase()
      port = await freePort()
      await startRedis()
    })
    afterAll(async () => {
      redis?.kill('SIGKILL')
      await tdb?.drop()
    })

    it('sends every text exactly once though Redis dies mid-run and loses every queued job', async () => {
      const sent: string[] = []
      const sms = localSmsProvider((to, message) => sent.push(`${to} ${message}`))
      const delivery = await startQueuedDelivery({
        db: tdb.db,
        sms,
        log: createLogger('silent'),
        redisUrl: `redis://127.0.0.1:${port}`,
        prefix: `t-${randomUUID().slice(0, 6)}`,
        requeueAfterMs: 1_000,
      })
      const notifier = createNotifier({ db: tdb.db })
      const n = 300
      await tdb.db.transaction((trx) =>
        notifier.notify(
          trx,
          ...Array.from({ length: n }, (_, i) => ({
            phone: `+2547000${String(i).padStart(5, '0')}`,
            kind: 'commission_paid' as const,
            params: { amount: `KES ${i}.00` },
          })),
        ),
      )
      let relaying = true
      const relayLoop = (async () => {
        while (relaying) {
          await delivery.relay().catch(() => 0)
          await new Promise((r) => setTimeout(r, 50))
        }
      })()
      await until(async () => sent.length > 20, 10_000, 'first deliveries')
      redis!.kill('SIGKILL')
      await new Promise((r) => setTimeout(r, 700))
      const duringOutage = sent.length
      await startRedis()
      await until(async () => sent.length >= n, 30_000, 'every text')
      await new Promise((r) => setTimeout(r, 1_500))
      relaying = false
      await relayLoop
      await delivery.stop()

      expect(duringOutage).toBeLessThan(n)
      expect(sent).toHaveLength(n)
      expect(new Set(sent).size).toBe(n)
      const rows = await tdb.db('sms_messages').count('* as n').countDistinct('outbox_id as d')
      expect(rows[0]).toEqual({ n: BigInt(n), d: BigInt(n) })
      expect(await tdb.db('notifications').whereNot({ sms_status: 'sent' }).count('* as n')).toEqual([
        { n: 0n },
      ])
      expect(await tdb.db('outbox').whereNull('dispatched_at').count('* as n')).toEqual([{ n: 0n }])
    }, 60_000)
  },
)
