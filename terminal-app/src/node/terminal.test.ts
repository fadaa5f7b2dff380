import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDevices, type TerminalDevices } from '@gopay/hardware'
import { needsDatabase, startTestApi, type TestApi } from '../../../core-api/src/testing/harness'
import { createTerminal } from './terminal'
import { createVault } from './vault'

// A request whose outcome was unknown when the terminal stopped is resolved at the next start,
// with the same idempotency key, before anything else: one transaction, and its receipt.
describe.skipIf(needsDatabase)('the outcome-unknown resolver (real core on PostgreSQL)', () => {
  let api: TestApi
  let devices: TerminalDevices
  const dataDir = mkdtempSync(join(tmpdir(), 'gopay-resolver-'))
  beforeAll(async () => {
    api = await startTestApi()
    devices = await openDevices({ GOPAY_PRINTER: 'virtual' }, { merchantName: 'test' })
  })
  afterAll(async () => {
    await devices?.close()
    await api?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a cash-in whose answer never came is resolved at the next start: exactly one transaction', async () => {
    const admin = await api.staff('admin')
    const agent = await api.agent({ float: 1_000_000n })
    const customer = await api.user({ balance: 0n })
    const code = (
      await api.call('POST', '/v1/admin/terminals', { token: admin.token, body: { agentCode: agent.code } })
    ).body.activationCode
    let cashInsSent = 0
    // The network drops every answer to a cash-in, after the core has acted on it.
    const cut: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (String(input instanceof Request ? input.url : input).endsWith('/v1/cash-ins')) {
        cashInsSent++
        throw new TypeError('fetch failed: network down')
      }
      return res
    }
    const first = createTerminal({
      coreUrl: api.url,
      dataDir,
      devices,
      fetch: cut,
      retry: { minMs: 50, maxMs: 100 },
    })
    expect((await first.handlers['terminal.activate']({ activationCode: code })).ok).toBe(true)
    expect((await first.handlers['session.signIn']({ phone: agent.phone, pin: '1470' })).ok).toBe(true)
    const key = randomUUID()
    const never = first.handlers['cashIn.submit']({ key, customerPhone: customer.phone, amount: '50000' })
    never.catch(() => undefined)
    while (cashInsSent < 2) await new Promise((r) => setTimeout(r, 20))
    await first.stop() // the terminal dies while it is still "checking"
    await expect(never).rejects.toThrow()
    expect(
      createVault(join(dataDir, 'terminal.vault'))
        .read()
        .pending.map((p) => p.key),
    ).toEqual([key])
    const moved = (await api.call('GET', '/v1/me/wallet', { token: customer.token })).body.balance
    expect(moved).toBe(50_000)

    const printed = new Promise((r) => devices.virtual.printer!.once('receipt', r))
    const second = createTerminal({ coreUrl: api.url, dataDir, devices })
    expect((await second.handlers['terminal.info']({})).unresolved).toBe(1)
    await second.start()
    // Resolved, and then the borrowed operator session is ended (a sign-out call to the core).
    const settled = async () => {
      const i = await second.handlers['terminal.info']({})
      return i.unresolved === 0 && i.operator === null
    }
    for (let i = 0; i < 100 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 50))
    expect((await second.handlers['terminal.info']({})).unresolved).toBe(0)
    await printed
    expect(devices.virtual.printer!.receipts.at(-1)!.lines.some((l) => /Amount\s+KES 500.00/.test(l))).toBe(
      true,
    )
    // The replay answered the first transaction again: nothing moved twice.
    expect((await api.call('GET', '/v1/me/wallet', { token: customer.token })).body.balance).toBe(50_000)
    // The operator signs in again by hand: the stored token served only to resolve.
    expect((await second.handlers['terminal.info']({})).operator).toBeNull()
    await second.stop()
  })
})

// The terminal's "today" is the core's business day, in the time zone the core tells at check-in,
// not one the terminal guesses (Pago Pago, UTC-11: most hours its date is not Nairobi's nor UTC's).
describe.skipIf(needsDatabase)("today, in the core's time zone (real core on PostgreSQL)", () => {
  const timezone = 'Pacific/Pago_Pago'
  let api: TestApi
  let devices: TerminalDevices
  const dataDir = mkdtempSync(join(tmpdir(), 'gopay-today-'))
  beforeAll(async () => {
    api = await startTestApi({ timezone })
    devices = await openDevices({ GOPAY_PRINTER: 'virtual' }, { merchantName: 'test' })
  })
  afterAll(async () => {
    await devices?.close()
    await api?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it("asks for the day's transactions by the core's date, and finds the one just made", async () => {
    const admin = await api.staff('admin')
    const agent = await api.agent({ float: 1_000_000n })
    const customer = await api.user({ balance: 0n })
    const code = (
      await api.call('POST', '/v1/admin/terminals', { token: admin.token, body: { agentCode: agent.code } })
    ).body.activationCode
    const asked: URL[] = []
    const watching: typeof fetch = async (input, init) => {
      const req = new Request(input, init)
      asked.push(new URL(req.url))
      return fetch(req)
    }
    const terminal = createTerminal({ coreUrl: api.url, dataDir, devices, fetch: watching })
    expect((await terminal.handlers['terminal.activate']({ activationCode: code })).ok).toBe(true)
    expect(createVault(join(dataDir, 'terminal.vault')).read().credential?.timeZone).toBe(timezone)
    expect((await terminal.handlers['session.signIn']({ phone: agent.phone, pin: '1470' })).ok).toBe(true)
    const done = await terminal.handlers['cashIn.submit']({
      key: randomUUID(),
      customerPhone: customer.phone,
      amount: '25000',
    })
    expect(done.outcome).toBe('done')

    const today = await terminal.handlers['transactions.today']({})
    const date = asked.findLast((u) => u.pathname === '/v1/agents/me/transactions')?.searchParams.get('date')
    expect(date).toBe(new Date().toLocaleDateString('sv-SE', { timeZone: timezone }))
    expect(done.outcome === 'done' && today.ok).toBe(true)
    if (done.outcome === 'done' && today.ok)
      expect(today.value.map((t) => t.reference)).toContain(done.transaction.reference)
    await terminal.stop()
  })
})
