import { mkdtempSync, statSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPrinter, EscPosDecoder, memoryPair, VirtualPrinter } from '@gopay/hardware'
import type { Transaction } from '../bridge/contract'
import { OPEN_DRAWER, printJobs, receiptJobs } from './receipts'
import { createVault } from './vault'

const tx = (type: string): Transaction => ({
  id: '2e519176-41ad-455b-a7ac-c0f7208a9f56',
  reference: '2E519176',
  type,
  status: 'completed',
  amount: '150050',
  fee: '2500',
  currency: 'KES',
  createdAt: '2026-01-01T10:00:00Z',
  counterparty: { name: 'Amina Odhiambo', phone: '+254711000001' },
  direction: 'out',
  method: null,
})
const header = { businessName: 'Mama Mboga Agency', terminalId: 'T1' }
const decode = (bytes: Buffer) => {
  const d = new EscPosDecoder({})
  d.feed(bytes)
  return d.receipts
}

describe('receipts', () => {
  it('cash-in: a customer copy with the amount, opening the drawer first', () => {
    const jobs = receiptJobs(tx('cash_in'), header, { width: 58 })
    expect(jobs.map((j) => j.id)).toEqual(['2e519176-41ad-455b-a7ac-c0f7208a9f56:customer'])
    expect(jobs[0]!.bytes.subarray(0, OPEN_DRAWER.length)).toEqual(OPEN_DRAWER)
    const [r] = decode(jobs[0]!.bytes)
    expect(r!.lines.join('\n')).toMatch(/CASH IN[\s\S]*CUSTOMER COPY/)
    expect(r!.lines.some((l) => /^Amount\s+KES 1,500.50$/.test(l))).toBe(true)
    expect(r!.lines.some((l) => l.includes('+254711***001'))).toBe(true)
  })

  it('cash-out: customer and agent copies; a reprint is one copy marked REPRINT without the drawer', () => {
    const jobs = receiptJobs(tx('cash_out'), header, { width: 80 })
    expect(
      jobs.map((j) =>
        decode(j.bytes)[0]!
          .lines.find((l) => l.includes('COPY'))
          ?.trim(),
      ),
    ).toEqual(['CUSTOMER COPY', 'AGENT COPY'])
    const again = receiptJobs(tx('cash_out'), header, { width: 80, reprint: '1' })
    expect(again).toHaveLength(1)
    expect(again[0]!.bytes.includes(OPEN_DRAWER)).toBe(false)
    expect(decode(again[0]!.bytes)[0]!.lines.join('\n')).toContain('*** REPRINT ***')
    expect(receiptJobs(tx('p2p'), header, { width: 80 })).toEqual([])
  })

  it('the queue prints each receipt once, however often it is queued, and waits through paper-out', async () => {
    const { transport, link } = memoryPair('printer')
    const device = new VirtualPrinter(link)
    const printer = createPrinter(transport, { pollMs: 20 })
    device.set({ paperOut: true })
    const jobs = receiptJobs(tx('cash_in'), header, { width: 58 })
    printJobs(printer, jobs)
    printJobs(printer, jobs)
    await new Promise((r) => setTimeout(r, 150))
    expect(device.receipts).toHaveLength(0)
    device.set({ paperOut: false })
    await new Promise((r) => setTimeout(r, 200))
    expect(device.receipts).toHaveLength(1)
    await printer.close()
  })
})

describe('the vault', () => {
  it('keeps the credential in a 0600 file, survives a reopen, and a wipe removes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gopay-vault-'))
    const path = join(dir, 'terminal.vault')
    const sealed: string[] = []
    const cipher = {
      encrypt: (s: string) => (sealed.push(s), Buffer.from(s).reverse()),
      decrypt: (b: Buffer) => Buffer.from(b).reverse().toString(),
    }
    const v = createVault(path, cipher)
    v.update((c) => ({
      ...c,
      credential: {
        terminalId: 't',
        deviceSecret: 's3cret',
        kind: 'agent',
        ownerCode: 'AG001',
        label: null,
        businessName: null,
        currency: 'KES',
      },
    }))
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(sealed).toHaveLength(1)
    expect(createVault(path, cipher).read().credential?.deviceSecret).toBe('s3cret')
    v.wipe()
    expect(existsSync(path)).toBe(false)
    expect(createVault(path, cipher).read().credential).toBeNull()
  })

  it('reads requests of unknown outcome written before they were typed, so an upgrade drops none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gopay-vault-'))
    const path = join(dir, 'terminal.vault')
    const at = '2026-11-24T10:00:00.000Z'
    writeFileSync(
      path,
      JSON.stringify({
        credential: null,
        operator: null,
        pending: [
          {
            key: 'k1',
            kind: 'cash-in',
            path: '/v1/cash-ins',
            body: { customerPhone: '+254711000001', amount: 500 },
            context: {},
            createdAt: at,
          },
          {
            key: 'k2',
            kind: 'withdrawal-handover',
            path: '/v1/agents/me/withdrawals/w-9/handover',
            context: { type: 'withdrawal' },
            createdAt: at,
          },
        ],
      }),
      { mode: 0o600 },
    )
    expect(createVault(path).read().pending).toEqual([
      {
        key: 'k1',
        request: { kind: 'cash-in', body: { customerPhone: '+254711000001', amount: 500 } },
        context: {},
        createdAt: at,
      },
      {
        key: 'k2',
        request: { kind: 'withdrawal-handover', withdrawalId: 'w-9' },
        context: { type: 'withdrawal' },
        createdAt: at,
      },
    ])
  })
})
