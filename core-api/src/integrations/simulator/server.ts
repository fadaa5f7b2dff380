import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { signWebhook } from '../signature'

/**
 * Stand-ins for GoPay's partners (the bank, the billers' aggregator, the airtime provider), served as
 * a real HTTP server so the adapters are tested exactly as they run. Faults are switched on through
 * POST /_sim/faults: each applies to the next `times` requests of its target.
 */
export type FaultMode =
  | 'timeout' // holds the answer far past any client deadline
  | '5xx' // answers 503 without doing anything
  | '5xx-after' // does the work, then answers 500 (the client cannot know it happened)
  | 'decline' // refuses
  | 'slow' // answers after `delayMs`
  | 'pending' // accepts, settles later (by callback for the bank, by status query for the others)
  | 'duplicate-callback' // sends each webhook twice
  | 'out-of-order' // sends a stale "processing" after the final event
  | 'no-callback' // accepts, settles, never calls back (only reconciliation finds out)

export type FaultTarget = 'bank' | 'biller' | 'airtime'

interface Fault {
  target: FaultTarget
  mode: FaultMode
  times: number
  delayMs: number
}

interface Operation {
  kind: 'payout' | 'collection' | 'bill' | 'airtime'
  reference: string
  partnerReference: string
  status: 'processing' | 'completed' | 'declined'
  amount: number
  reason?: string
  receipt?: string
  token?: string
  detail: Record<string, unknown>
}

export interface PartnerSimulator {
  url: string
  /** Where the bank sends webhooks; set once the core API is listening. */
  setWebhook(url: string): void
  fault(f: { target: FaultTarget; mode: FaultMode; times?: number; delayMs?: number }): void
  clearFaults(): void
  /** A customer pushes money from their bank to their GoPay wallet: the bank sends a deposit webhook. */
  deposit(p: {
    phone: string
    amount: number
    eventId?: string
  }): Promise<{ eventId: string; status: number }>
  operations(): Operation[]
  /** Every webhook the bank has sent, with the core API's answer. */
  webhooks(): Array<{ id: string; type: string; status: number }>
  close(): Promise<void>
}

/** Names the billers know, some beyond plain ASCII, as real customers' names are. */
const names = [
  'Wanjirũ Kamau',
  'Ömer Odhiambo',
  'Zoë Achieng’',
  'Peter Mwangi',
  'Fatuma Hassan',
  'José Ñdegwa',
]

export const simulatedAccount = (accountNumber: string) =>
  /^0+$/.test(accountNumber) || accountNumber.endsWith('999')
    ? null
    : names[[...accountNumber].reduce((s, c) => s + c.charCodeAt(0), 0) % names.length]!

export async function startPartnerSimulator(opts: {
  port?: number
  host?: string
  webhookUrl?: string
  webhookSecret: string
  /** How long after accepting a payout the bank calls back (ms). */
  callbackDelayMs?: number
}): Promise<PartnerSimulator> {
  let webhookUrl = opts.webhookUrl
  let faults: Fault[] = []
  const ops = new Map<string, Operation>()
  const sentHooks: Array<{ id: string; type: string; status: number }> = []
  const timers = new Set<NodeJS.Timeout>()
  const hanging = new Set<express.Response>()
  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t)
      f()
    }, ms)
    timers.add(t)
  }

  function takeFault(target: FaultTarget): Fault | undefined {
    const f = faults.find((x) => x.target === target && x.times > 0)
    if (f) f.times--
    faults = faults.filter((x) => x.times > 0)
    return f
  }

  async function sendWebhook(id: string, type: string, data: Record<string, unknown>) {
    if (!webhookUrl) return
    const body = JSON.stringify({ id, type, createdAt: new Date().toISOString(), data })
    try {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-gopay-signature': signWebhook(opts.webhookSecret, body),
        },
        body,
      })
      sentHooks.push({ id, type, status: res.status })
    } catch {
      sentHooks.push({ id, type, status: 0 })
    }
  }

  /** The bank's callbacks for a payout or collection, with the faults that shape them. */
  function callBack(op: Operation, fault: Fault | undefined) {
    if (fault?.mode === 'no-callback') return
    const type = `${op.kind}.${op.status === 'completed' ? 'completed' : 'failed'}`
    const data = {
      reference: op.reference,
      partnerReference: op.partnerReference,
      amount: op.amount,
      reason: op.reason,
    }
    const finalId = `evt_${randomUUID()}`
    later(opts.callbackDelayMs ?? 30, async () => {
      await sendWebhook(finalId, type, data)
      if (fault?.mode === 'duplicate-callback') await sendWebhook(finalId, type, data)
      if (fault?.mode === 'out-of-order')
        await sendWebhook(`evt_${randomUUID()}`, `${op.kind}.processing`, data)
    })
  }

  const app = express()
  app.use(express.json())

  /** Applies the request-level faults; answers true when the fault already answered. */
  async function before(target: FaultTarget, res: express.Response, fault: Fault | undefined) {
    if (fault?.mode === 'timeout') {
      hanging.add(res)
      return true
    }
    if (fault?.mode === '5xx') {
      res.status(503).json({ error: 'service unavailable' })
      return true
    }
    if (fault?.mode === 'slow') await new Promise((r) => later(fault.delayMs, () => r(null)))
    return false
  }

  function answer(op: Operation) {
    return {
      reference: op.reference,
      partnerReference: op.partnerReference,
      status: op.status === 'processing' ? 'accepted' : op.status,
      reason: op.reason,
      receipt: op.receipt,
      token: op.token,
    }
  }

  function bankRoute(kind: 'payout' | 'collection') {
    app.post(`/bank/${kind}s`, async (req, res) => {
      const fault = takeFault('bank')
      if (await before('bank', res, fault)) return
      const { reference, accountNumber, amount } = req.body ?? {}
      if (typeof reference !== 'string' || !Number.isInteger(amount) || amount <= 0)
        return void res.status(400).json({ status: 'declined', reason: 'malformed request' })
      // The same reference is the same request: answered as before, never done twice.
      let op = ops.get(reference)
      if (!op) {
        const refused = fault?.mode === 'decline' || String(accountNumber).endsWith('000')
        op = {
          kind,
          reference,
          partnerReference: `BNK${randomUUID().slice(0, 8).toUpperCase()}`,
          status: refused ? 'declined' : 'processing',
          amount,
          reason: refused ? 'account closed' : undefined,
          detail: { accountNumber },
        }
        ops.set(reference, op)
        const settled = op
        if (!refused && fault?.mode !== 'pending')
          // The bank accepts now and completes a moment later, then calls back.
          later(5, () => {
            settled.status = 'completed'
            callBack(settled, fault)
          })
        else if (refused) callBack(settled, fault)
      }
      if (fault?.mode === '5xx-after') return void res.status(500).json({ error: 'internal error' })
      res.status(op.status === 'declined' ? 422 : 202).json(answer(op))
    })
    app.get(`/bank/${kind}s/:reference`, async (req, res) => {
      const fault = takeFault('bank')
      if (await before('bank', res, fault)) return
      const op = ops.get(req.params.reference)
      if (!op || op.kind !== kind) return void res.status(404).json({ status: 'unknown' })
      res.json(answer(op))
    })
  }
  bankRoute('payout')
  bankRoute('collection')

  app.get('/billers/:code/accounts/:account', async (req, res) => {
    const fault = takeFault('biller')
    if (await before('biller', res, fault)) return
    const name = simulatedAccount(req.params.account)
    if (!name || fault?.mode === 'decline') return void res.status(404).json({ reason: 'no such account' })
    res.json({ billerCode: req.params.code, accountNumber: req.params.account, customerName: name })
  })

  /** A prepaid electricity token: 20 digits in groups of four. */
  const token = () =>
    Array.from({ length: 5 }, () => String(Math.floor(Math.random() * 10_000)).padStart(4, '0')).join('-')

  function syncPayment(
    kind: 'bill' | 'airtime',
    target: FaultTarget,
    extra: (body: Record<string, unknown>) => Partial<Operation>,
  ) {
    return async (req: express.Request, res: express.Response) => {
      const fault = takeFault(target)
      if (await before(target, res, fault)) return
      const { reference, amount } = req.body ?? {}
      if (typeof reference !== 'string' || !Number.isInteger(amount) || amount <= 0)
        return void res.status(400).json({ status: 'declined', reason: 'malformed request' })
      let op = ops.get(reference)
      if (!op) {
        const refused = fault?.mode === 'decline'
        op = {
          kind,
          reference,
          partnerReference: `${kind === 'bill' ? 'BIL' : 'AIR'}${randomUUID().slice(0, 8).toUpperCase()}`,
          status: refused ? 'declined' : fault?.mode === 'pending' ? 'processing' : 'completed',
          amount,
          reason: refused
            ? kind === 'bill'
              ? 'account is closed'
              : 'number cannot receive airtime'
            : undefined,
          detail: { ...req.body, code: req.params.code },
          ...(refused ? {} : extra({ ...req.body, code: req.params.code })),
        }
        ops.set(reference, op)
        // A pending one completes a little later, found by a status query.
        const settled = op
        if (fault?.mode === 'pending') later(opts.callbackDelayMs ?? 30, () => (settled.status = 'completed'))
      }
      if (fault?.mode === '5xx-after') return void res.status(500).json({ error: 'internal error' })
      res.status(op.status === 'declined' ? 422 : op.status === 'processing' ? 202 : 200).json(answer(op))
    }
  }
  app.post(
    '/billers/:code/payments',
    syncPayment('bill', 'biller', (b) => ({
      receipt: `R${randomUUID().slice(0, 10).toUpperCase()}`,
      token: b.code === 'POWER' ? token() : undefined,
    })),
  )
  app.post(
    '/airtime',
    syncPayment('airtime', 'airtime', () => ({})),
  )
  for (const [path, kind, target] of [
    ['/billers/payments/:reference', 'bill', 'biller'],
    ['/airtime/:reference', 'airtime', 'airtime'],
  ] as const)
    app.get(path, async (req, res) => {
      const fault = takeFault(target)
      if (await before(target, res, fault)) return
      const op = ops.get(req.params.reference)
      if (!op || op.kind !== kind) return void res.status(404).json({ status: 'unknown' })
      res.json(answer(op))
    })

  // Control: for tests and the demo.
  app.post('/_sim/faults', (req, res) => {
    const { target, mode, times, delayMs } = req.body ?? {}
    sim.fault({ target, mode, times, delayMs })
    res.json({ faults })
  })
  app.delete('/_sim/faults', (_req, res) => {
    sim.clearFaults()
    res.json({ faults })
  })
  app.post('/_sim/deposits', async (req, res) => {
    res.json(await sim.deposit(req.body))
  })
  app.get('/_sim/operations', (_req, res) => {
    res.json({ operations: [...ops.values()], webhooks: sentHooks })
  })

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve(s)).on('error', reject)
  })
  const { port } = server.address() as AddressInfo

  const sim: PartnerSimulator = {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    setWebhook: (url) => (webhookUrl = url),
    fault: (f) =>
      faults.push({ target: f.target, mode: f.mode, times: f.times ?? 1, delayMs: f.delayMs ?? 2_000 }),
    clearFaults: () => (faults = []),
    async deposit({ phone, amount, eventId }) {
      const id = eventId ?? `evt_${randomUUID()}`
      await sendWebhook(id, 'deposit', {
        phone,
        amount,
        partnerReference: `DEP${randomUUID().slice(0, 8).toUpperCase()}`,
      })
      return { eventId: id, status: sentHooks.at(-1)?.status ?? 0 }
    },
    operations: () => [...ops.values()],
    webhooks: () => [...sentHooks],
    async close() {
      timers.forEach(clearTimeout)
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
  return sim
}
