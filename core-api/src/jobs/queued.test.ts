import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '@gopay/db'
import { loadConfig } from '../config'
import { createLogger } from '../observability/logger'
import { startCoreApi, type RunningCoreApi } from '../server'

const redisUrl = process.env.REDIS_URL
if (!redisUrl) console.warn('REDIS_URL is not set: the BullMQ job tests are skipped.')

describe.skipIf(!testDatabaseUrl() || !redisUrl)('background jobs on BullMQ (REDIS_URL)', () => {
  let tdb: TestDatabase
  let core: RunningCoreApi
  beforeAll(async () => {
    tdb = await createTestDatabase()
    const config = loadConfig({ GOPAY_DEMO: '0' } as NodeJS.ProcessEnv, {
      databaseUrl: tdb.url,
      redisUrl,
      queuePrefix: `gopay-test-${randomUUID().slice(0, 8)}`,
      jwtSecret: 'x'.repeat(40),
      port: 0,
    })
    core = await startCoreApi(config, createLogger('silent'), { db: tdb.db })
  })
  afterAll(async () => {
    await core?.close()
    await tdb?.drop()
  })

  const eventually = async (check: () => Promise<boolean>, ms = 20_000) => {
    const until = Date.now() + ms
    while (Date.now() < until) {
      if (await check()) return true
      await new Promise((r) => setTimeout(r, 200))
    }
    return false
  }

  it('reports the queue in /readyz', async () => {
    const r = await fetch(`${core.url}/readyz`)
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ checks: { database: 'ok', queue: 'ok' } })
  })

  it('voids a hold that expired unsettled, and delivers outbox messages once', async () => {
    const { ledger } = core.services
    const [party] = await tdb
      .db('parties')
      .insert({ kind: 'user', roles: ['user'], display_name: 'Hold Test', phone: '+254700123456' })
      .returning('id')
    const wallet = await tdb.db.transaction((trx) =>
      ledger.openAccount(trx, { type: 'user_wallet', currency: 'KES', partyId: party.id }),
    )
    const bank = await ledger.systemAccount('bank_settlement', 'KES')
    await tdb.db.transaction(async (trx) => {
      await ledger.post(trx, {
        currency: 'KES',
        postings: [
          { accountId: bank, amount: -1000n },
          { accountId: wallet, amount: 1000n },
        ],
      })
      await ledger.reserve(trx, { accountId: wallet, amount: 400n, expiresAt: new Date(Date.now() - 1) })
      await trx('outbox').insert({
        topic: 'sms.send',
        payload: JSON.stringify({ to: '+254700123456', message: 'hello from the queue' }),
      })
    })
    expect((await ledger.balance(wallet)).available).toBe(600n)
    expect(await eventually(async () => (await ledger.balance(wallet)).available === 1000n)).toBe(true)
    expect(
      await eventually(
        async () => (await tdb.db('sms_messages').where({ to_phone: '+254700123456' })).length === 1,
      ),
    ).toBe(true)
    await new Promise((r) => setTimeout(r, 1000))
    expect(await tdb.db('sms_messages').where({ to_phone: '+254700123456' })).toHaveLength(1)
  })
})
