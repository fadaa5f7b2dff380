import { EventEmitter } from 'node:events'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pRetry from 'p-retry'
import { createParser } from 'eventsource-parser'
import type { PaperWidth, TerminalDevices } from '@gopay/hardware'
import type {
  DisplayView,
  EventName,
  EventPayload,
  Handlers,
  Outcome,
  PaymentRequest,
  TerminalInfo,
  Transaction,
} from '../bridge/contract'
import {
  CoreUnreachable,
  createCoreClient,
  type CoreAnswer,
  type CoreClient,
  type MoneyRequest,
  type PaymentRequestAnswer,
  type PaymentRequestEvent,
  type ZReportAnswer,
  type Problem,
} from './core'
import { createDeviceManager } from './devices'
import { printJobs, receiptJobs, zReportJob } from './receipts'
import { createVault, type Cipher, type PendingRequest } from './vault'

export interface TerminalOptions {
  coreUrl: string
  /** Where the vault and the print queue live; a wipe empties it. */
  dataDir: string
  devices: TerminalDevices
  cipher?: Cipher
  paperWidth?: PaperWidth
  /** How often the terminal checks in (lock and wipe orders arrive this way). */
  checkInMs?: number
  /** Back-off between retries of a request whose outcome is unknown. */
  retry?: { minMs: number; maxMs: number }
  fetch?: typeof fetch
  /** A pole display is attached (GOPAY_DISPLAY names one); otherwise the second window is the display. */
  poleDisplay?: boolean
}

type Session = { accessToken: string; refreshToken: string; phone: string; name: string | null }
/** What the core answers about a transaction (a money request's answer, a receipt, a day's line). */
type CoreTransaction = {
  id: string
  amount: number
  fee: number
  currency: string
  createdAt: string
  status: string
  type?: string
  reference?: string
  counterparty?: { name: string; phone: string | null } | null
  direction?: 'in' | 'out'
  method?: string | null
}

const signedOut = (p: Problem) => p.status === 401 && p.code === 'unauthorized'
const str = (n: unknown) => (n === null || n === undefined ? '0' : String(n))
const refusal = (p: Problem): Outcome => ({ outcome: 'refused', code: p.code, message: p.detail })
const fail = (p: Problem) => ({ ok: false as const, code: p.code, message: p.detail })
const offline = {
  ok: false as const,
  code: 'unavailable',
  message: 'The GoPay service cannot be reached. Try again.',
}

/** A core transaction or receipt, in the shape the terminal shows and prints. */
export function toTransaction(body: CoreTransaction, context: Record<string, string> = {}): Transaction {
  const cp = body.counterparty ?? null
  return {
    id: body.id,
    reference: body.reference ?? body.id,
    type: body.type ?? context.type ?? '',
    status: body.status,
    amount: str(body.amount),
    fee: str(body.fee),
    currency: body.currency,
    createdAt: body.createdAt,
    counterparty:
      context.customerName || context.customerPhone
        ? {
            name: context.customerName ?? cp?.name ?? null,
            phone: context.customerPhone ?? cp?.phone ?? null,
          }
        : cp
          ? { name: cp.name ?? null, phone: cp.phone ?? null }
          : null,
    direction: body.direction ?? null,
    method: body.method ?? null,
  }
}

/**
 * Everything the terminal does beside its screens, under plain Node: activation and the device
 * credential, operator sessions, check-ins (lock and wipe orders), money requests that never end
 * "unknown", receipts through the durable print queue, the customer display and the card reader.
 * Electron's main process and the browser-mode server both expose `handlers` and forward `events`.
 */
export function createTerminal(opts: TerminalOptions) {
  const core: CoreClient = createCoreClient({ baseUrl: opts.coreUrl, fetch: opts.fetch })
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
  const vault = createVault(join(opts.dataDir, 'terminal.vault'), opts.cipher)
  const devices = createDeviceManager(opts.devices, { poleDisplay: opts.poleDisplay })
  const width = opts.paperWidth ?? 80
  const bus = new EventEmitter<{ event: [EventName, unknown] }>()
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => bus.emit('event', name, payload)

  let session: Session | null = null
  let locked = false
  let unresolved = vault.read().pending.length
  let lastCard: { kind: 'nfc'; uid: string } | { kind: 'magstripe'; pan: string } | null = null
  let view: DisplayView = { kind: 'idle', businessName: vault.read().credential?.businessName ?? 'GoPay' }
  const streams = new Map<string, AbortController>()
  /** Stopping ends the retry loops; what they had not resolved stays in the vault for the next start. */
  const stopping = new AbortController()

  const info = (): TerminalInfo => {
    const c = vault.read().credential
    return {
      activated: !!c,
      terminalId: c?.terminalId ?? null,
      kind: c?.kind ?? null,
      ownerCode: c?.ownerCode ?? null,
      businessName: c?.businessName ?? c?.label ?? null,
      currency: c?.currency ?? 'KES',
      status: !c ? 'unactivated' : locked ? 'locked' : 'active',
      operator: session ? { phone: session.phone, name: session.name } : null,
      unresolved,
    }
  }
  const changed = () => emit('terminal.changed', info())
  const header = () => {
    const c = vault.read().credential
    return {
      businessName: c?.businessName ?? c?.label ?? 'GoPay',
      terminalId: c?.terminalId.slice(0, 8) ?? '-',
    }
  }

  devices.on('status', (s) => emit('devices.status', s))
  devices.on('badRead', (b) => emit('card.badRead', b))
  devices.on('card', (c) => {
    lastCard = c
    emit('card.read', {
      kind: c.kind,
      label: c.kind === 'nfc' ? `Card ${c.uid.slice(-4)}` : `Card •••• ${c.pan.slice(-4)}`,
    })
  })
  const showView = (v: DisplayView) => {
    view = v
    emit('display.view', v)
  }
  opts.devices.display.on('change', (s) => {
    if (s.status === 'idle') return
    showView({
      kind: 'payment',
      status: s.status,
      amount: str(s.amount),
      currency: s.currency ?? info().currency,
      qr: s.qr ?? null,
      secondsLeft: s.secondsLeft ?? null,
      message: s.message ?? null,
    })
  })

  /** A call to the core that notes whether the core answered at all. */
  const call = async <T>(send: () => Promise<CoreAnswer<T>>): Promise<CoreAnswer<T>> => {
    try {
      const answer = await send()
      devices.setCore('online')
      return answer
    } catch (e) {
      if (e instanceof CoreUnreachable) devices.setCore('offline')
      throw e
    }
  }

  const refresh = async (refreshToken: string) => {
    const r = await call(() => core.refresh(refreshToken))
    return r.ok ? { accessToken: r.body.accessToken, refreshToken: r.body.refreshToken } : null
  }

  const endSession = () => {
    session = null
    vault.update((v) => ({ ...v, operator: null }))
    changed()
  }

  /** As the signed-in operator; an expired access token is refreshed once, a refused refresh signs out. */
  const asOperator = async <T>(send: (token: string) => Promise<CoreAnswer<T>>): Promise<CoreAnswer<T>> => {
    if (!session)
      return { ok: false, problem: { status: 401, code: 'unauthorized', detail: 'Sign in first.' } }
    const token = session.accessToken
    const first = await call(() => send(token))
    // Only an expired or revoked token (not a wrong customer PIN, also a 401) is worth a refresh.
    if (first.ok || !signedOut(first.problem)) return first
    const pair = await refresh(session.refreshToken)
    if (!pair) {
      endSession()
      return first
    }
    session = { ...session, ...pair }
    vault.update((v) => ({
      ...v,
      operator: v.operator && { ...v.operator, refreshToken: pair.refreshToken },
    }))
    const renewed = session.accessToken
    return call(() => send(renewed))
  }

  /** Retries a request whose outcome is unknown, with the same idempotency key, until the core answers. */
  const untilDefinite = <T>(key: string, send: () => Promise<T>) =>
    pRetry(send, {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: opts.retry?.minMs ?? 250,
      maxTimeout: opts.retry?.maxMs ?? 3000,
      factor: 2,
      signal: stopping.signal,
      shouldRetry: ({ error }) => error instanceof CoreUnreachable,
      onFailedAttempt: ({ error, attemptNumber }) => {
        if (error instanceof CoreUnreachable) emit('money.checking', { key, attempt: attemptNumber })
      },
    })

  const afterMoney = (answer: CoreTransaction, pending: PendingRequest): Transaction => {
    const t = toTransaction(answer, pending.context)
    printJobs(opts.devices.printer, receiptJobs(t, header(), { width }))
    return t
  }

  /**
   * Moves money: the request is written to the vault before it is sent, retried with the same key
   * while its outcome is unknown, and forgotten only once the core has answered definitely.
   */
  const moveMoney = async (
    key: string,
    request: MoneyRequest,
    context: Record<string, string> = {},
  ): Promise<Outcome> => {
    if (!session) return { outcome: 'refused', code: 'unauthorized', message: 'Sign in first.' }
    const pending: PendingRequest = { key, request, context, createdAt: new Date().toISOString() }
    vault.update((v) => ({ ...v, pending: [...v.pending.filter((p) => p.key !== key), pending] }))
    const answer = await untilDefinite(key, () => asOperator((token) => core.moveMoney(token, request, key)))
    if (!answer.ok && signedOut(answer.problem)) {
      // Signed out while the outcome was unknown: it stays in the vault for the next sign-in to resolve.
      unresolved = vault.read().pending.length
      changed()
      return {
        outcome: 'refused',
        code: 'unauthorized',
        message: 'Signed out: sign in again to finish checking.',
      }
    }
    vault.update((v) => ({ ...v, pending: v.pending.filter((p) => p.key !== key) }))
    if (!answer.ok) return refusal(answer.problem)
    return { outcome: 'done', transaction: afterMoney(answer.body, pending) }
  }

  /** Resolves every request whose outcome was unknown when the terminal last stopped. */
  const resolvePending = async () => {
    const { pending } = vault.read()
    unresolved = pending.length
    if (!pending.length) return
    changed()
    let borrowed = false
    for (const p of pending) {
      if (!session) {
        const stored = vault.read().operator
        const pair = stored && (await untilDefinite(p.key, async () => refresh(stored.refreshToken)))
        if (!pair || !stored) break // no operator to ask as: resolved at the next sign-in
        session = { ...pair, phone: stored.phone, name: stored.name }
        borrowed = true
      }
      const answer = await untilDefinite(p.key, () =>
        asOperator((token) => core.moveMoney(token, p.request, p.key)),
      )
      if (!answer.ok && signedOut(answer.problem)) break
      vault.update((v) => ({ ...v, pending: v.pending.filter((q) => q.key !== p.key) }))
      if (answer.ok) afterMoney(answer.body, p)
      unresolved = vault.read().pending.length
      changed()
    }
    // The operator signs in again by hand: the stored token served only to resolve, and is ended
    // (it was rotated by the refresh; the old one must not be used again).
    if (borrowed && session) {
      const c = vault.read().credential
      if (c) {
        const token = session.accessToken
        await call(() => core.signOut(token, c.terminalId)).catch(() => undefined)
      }
      session = null
      vault.update((v) => ({ ...v, operator: null }))
    }
    unresolved = vault.read().pending.length
    changed()
  }

  const wipe = async () => {
    const c = vault.read().credential
    if (c) await call(() => core.confirmWipe(c.terminalId, c.deviceSecret)).catch(() => undefined)
    for (const s of streams.values()) s.abort()
    streams.clear()
    session = null
    locked = false
    vault.wipe()
    // The print queue's journal (job ids and states, no secret) stays: the open queue writes to it.
    for (const f of readdirSync(opts.dataDir))
      if (f !== 'printer') rmSync(join(opts.dataDir, f), { recursive: true, force: true })
    unresolved = 0
    view = { kind: 'idle', businessName: 'GoPay' }
    opts.devices.display.idle()
    changed()
  }

  const checkIn = async () => {
    const c = vault.read().credential
    if (!c) return
    let r: Awaited<ReturnType<CoreClient['checkIn']>>
    try {
      r = await call(() => core.checkIn(c.terminalId, c.deviceSecret))
    } catch {
      return // offline: the status bar says so
    }
    if (!r.ok) {
      if (r.problem.status === 401) await wipe() // the credential is dead: wiped from elsewhere
      return
    }
    if (r.body.status === 'wipe_ordered') return wipe()
    // "Today" is the core's business day, counted in the core's time zone (kept for offline starts).
    const { timeZone } = r.body
    if (timeZone !== c.timeZone)
      vault.update((v) => ({ ...v, credential: v.credential && { ...v.credential, timeZone } }))
    const wasLocked = locked
    locked = r.body.status === 'locked'
    if (locked && session) endSession()
    const name = r.body.ownerName ?? r.body.label ?? null
    if (name && name !== c.businessName)
      vault.update((v) => ({ ...v, credential: v.credential && { ...v.credential, businessName: name } }))
    if (wasLocked !== locked || (name && name !== c.businessName)) changed()
  }

  /** Follows a payment request's status over the core's event stream until it ends. */
  const follow = (req: PaymentRequest) => {
    const abort = new AbortController()
    streams.set(req.id, abort)
    const run = async () => {
      while (!abort.signal.aborted && session) {
        try {
          const res = await core.paymentRequestEvents(session.accessToken, req.id, abort.signal)
          if (!res.ok && res.problem.status === 401) {
            const pair = await refresh(session.refreshToken)
            if (!pair) return endSession()
            session = { ...session, ...pair }
            continue
          }
          if (!res.ok || !res.body) throw new Error(res.ok ? 'no event stream' : `HTTP ${res.problem.status}`)
          devices.setCore('online')
          let ended = false
          const parser = createParser({
            onEvent: (m) => {
              if (m.event !== 'status') return
              // Each status event's data is the payment request, as the document's text/event-stream schema says.
              const status: PaymentRequestEvent = JSON.parse(m.data)
              const pr = toPaymentRequest(status)
              emit('checkout.status', pr)
              if (pr.status === 'paid') {
                ended = true
                opts.devices.display.paid()
                if (pr.paidTransactionId) void printPaid(pr.paidTransactionId)
              } else if (pr.status === 'expired' || pr.status === 'cancelled') {
                ended = true
                if (pr.status === 'cancelled') opts.devices.display.idle()
              }
            },
          })
          const decoder = new TextDecoder()
          const reader = res.body.getReader()
          for (let r = await reader.read(); !r.done; r = await reader.read())
            parser.feed(decoder.decode(r.value, { stream: true }))
          if (ended) return
        } catch {
          if (abort.signal.aborted) return
          devices.setCore('offline')
        }
        await new Promise((r) => setTimeout(r, 1000))
      }
    }
    void run().finally(() => streams.delete(req.id))
  }

  const receiptOf = async (transactionId: string) => {
    const r = await untilDefinite(transactionId, () =>
      asOperator((token) => core.receipt(token, transactionId)),
    )
    return r.ok ? { ok: true as const, value: toTransaction(r.body) } : fail(r.problem)
  }
  const printPaid = async (transactionId: string) => {
    const r = await receiptOf(transactionId)
    if (r.ok) printJobs(opts.devices.printer, receiptJobs(r.value, header(), { width }))
  }

  /** A read as the operator; no answer at all is a plain "cannot reach" failure (nothing moved). */
  const read = async <B, T>(send: (token: string) => Promise<CoreAnswer<B>>, map: (body: B) => T) => {
    try {
      const r = await asOperator(send)
      return r.ok ? { ok: true as const, value: map(r.body) } : fail(r.problem)
    } catch (e) {
      if (e instanceof CoreUnreachable) return offline
      throw e
    }
  }
  // The business day is GoPay's, in the time zone the core told at check-in, as YYYY-MM-DD. (An operator
  // is signed in only after a check-in; before any, the device's own zone is the only guess there is.)
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: vault.read().credential?.timeZone })
  const agentLine = (
    l: CoreTransaction & { commission: number | null; cashHandedOverAt: string | null },
  ) => ({
    ...toTransaction(l),
    commission: l.commission === null ? null : str(l.commission),
    cashHandedOverAt: l.cashHandedOverAt,
  })

  const handlers: Handlers = {
    'terminal.info': async () => info(),
    'terminal.activate': async ({ activationCode }) => {
      let r: Awaited<ReturnType<CoreClient['activate']>>
      try {
        r = await call(() => core.activate(activationCode))
      } catch {
        return offline
      }
      if (!r.ok)
        return r.problem.code === 'not_found'
          ? { ok: false, code: 'not_found', message: 'That activation code is unknown, used or expired.' }
          : fail(r.problem)
      const b = r.body
      vault.update((v) => ({
        ...v,
        credential: {
          terminalId: b.terminalId,
          deviceSecret: b.deviceSecret,
          kind: b.kind,
          ownerCode: b.ownerCode,
          label: b.label,
          businessName: null,
          currency: b.currency,
        },
      }))
      await checkIn()
      changed()
      return { ok: true, value: info() }
    },
    'session.signIn': async ({ phone, pin }) => {
      const c = vault.read().credential
      if (!c) return { ok: false, code: 'not_activated', message: 'Activate this terminal first.' }
      let r: Awaited<ReturnType<CoreClient['signIn']>>
      try {
        r = await call(() => core.signIn(c.terminalId, c.deviceSecret, { phone, pin }))
      } catch {
        return offline
      }
      if (!r.ok) {
        if (r.problem.status === 401 && r.problem.code === 'unauthorized') await checkIn()
        return fail(r.problem)
      }
      session = { accessToken: r.body.accessToken, refreshToken: r.body.refreshToken, phone, name: null }
      locked = false
      vault.update((v) => ({ ...v, operator: { phone, name: null, refreshToken: r.body.refreshToken } }))
      changed()
      if (vault.read().pending.length) void resolvePending()
      return { ok: true, value: info() }
    },
    'session.signOut': async () => {
      const c = vault.read().credential
      // The core ends this session's tokens at once; signed out here even if it cannot be reached.
      if (session && c) {
        const token = session.accessToken
        await call(() => core.signOut(token, c.terminalId)).catch(() => undefined)
      }
      if (session) endSession()
      return info()
    },
    'customers.lookup': ({ phone }) =>
      read(
        (token) => core.lookUpCustomer(token, phone),
        (b) => ({ phone: b.phone, name: b.name, status: b.status, canTransact: b.canTransact }),
      ),
    'customers.register': async ({ photo, key: _key, ...person }) => {
      const created = await read(
        (token) => core.registerCustomer(token, person),
        (b) => ({ id: b.id, phone: b.phone, name: `${b.firstName} ${b.lastName}` }),
      )
      if (!created.ok) return created
      const bytes = Buffer.from(photo.base64, 'base64')
      const uploaded = await read(
        (token) => core.uploadIdPhoto(token, created.value.id, { contentType: photo.contentType, bytes }),
        () => ({}),
      )
      return uploaded.ok ? created : uploaded
    },
    // Public core routes, still only from a signed-in counter (`read` refuses without a session).
    'customers.confirmPhone': (body) =>
      read(
        () => core.confirmPhone(body),
        (b) => ({ phone: b.phone, name: `${b.firstName} ${b.lastName}`, status: b.status }),
      ),
    'customers.resendCode': ({ phone }) =>
      read(
        () => core.resendCode(phone),
        () => ({}),
      ),
    'float.balance': () =>
      read(
        (token) => core.float(token),
        (b) => ({
          balance: str(b.balance),
          currency: b.currency,
          threshold: str(b.lowFloatThreshold),
          low: b.low,
        }),
      ),
    'float.request': ({ key, direction, amount }) =>
      moveMoney(key, {
        kind: direction === 'top-up' ? 'float-top-up' : 'float-withdrawal',
        body: { amount: Number(amount) },
      }),
    'cashIn.submit': async ({ key, customerPhone, amount }) => {
      const name = view.kind === 'confirm' && view.phone === customerPhone ? view.customerName : ''
      const outcome = await moveMoney(
        key,
        { kind: 'cash-in', body: { customerPhone, amount: Number(amount) } },
        { customerPhone, customerName: name, type: 'cash_in' },
      )
      if (outcome.outcome === 'done')
        showView({ kind: 'done', message: 'Cash in complete', reference: outcome.transaction.reference })
      return outcome
    },
    'cashOut.submit': async ({ key, customerPhone, amount, customerPin }) => {
      const name = view.kind === 'confirm' && view.phone === customerPhone ? view.customerName : ''
      const outcome = await moveMoney(
        key,
        { kind: 'cash-out', body: { customerPhone, amount: Number(amount), customerPin } },
        { customerPhone, customerName: name, type: 'cash_out' },
      )
      if (outcome.outcome === 'done')
        showView({ kind: 'done', message: 'Cash out complete', reference: outcome.transaction.reference })
      return outcome
    },
    'withdrawals.awaiting': () =>
      read(
        (token) => core.awaitingWithdrawals(token),
        (b) => b.items.map(agentLine),
      ),
    'withdrawals.handOver': ({ key, withdrawalId }) =>
      moveMoney(key, { kind: 'withdrawal-handover', withdrawalId }, { type: 'withdrawal' }),
    'commissions.statement': () => {
      const to = today()
      return read(
        (token) => core.commissions(token, { from: `${to.slice(0, 8)}01`, to }),
        (b) => ({
          currency: b.currency,
          from: b.from,
          to: b.to,
          accrued: str(b.accrued),
          paid: str(b.paid),
          outstanding: str(b.outstanding),
          items: b.items.map((i) => ({
            reference: i.reference,
            type: i.type,
            amount: str(i.amount),
            commission: str(i.commission),
            createdAt: i.createdAt,
          })),
        }),
      )
    },
    'transactions.today': () =>
      read(
        (token) => core.agentTransactions(token, { date: today(), limit: 100 }),
        (b) => b.items.map(agentLine),
      ),
    'printing.reprint': async ({ transactionId }) => {
      const r = await read(
        (token) => core.receipt(token, transactionId),
        (b) => toTransaction(b),
      )
      if (!r.ok) return r
      const jobs = receiptJobs(r.value, header(), { width, reprint: String(Date.now()) })
      if (!jobs.length)
        return { ok: false, code: 'validation_failed', message: 'This transaction has no receipt.' }
      printJobs(opts.devices.printer, jobs)
      return { ok: true, value: {} }
    },
    'display.show': async ({ view: v }) => {
      if (v.kind === 'idle') opts.devices.display.idle()
      showView(
        v.kind === 'idle' ? { kind: 'idle', businessName: v.businessName || header().businessName } : v,
      )
      return {}
    },
    'display.current': async () => view,
    'checkout.start': async ({ amount, reference }) => {
      const r = await read(
        (token) =>
          core.createPaymentRequest(token, { amount: Number(amount), ...(reference ? { reference } : {}) }),
        toPaymentRequest,
      )
      if (!r.ok) return r
      lastCard = null
      opts.devices.display.waiting({
        amount: BigInt(r.value.amount),
        currency: r.value.currency,
        qr: r.value.qr,
        reference: r.value.reference ?? r.value.id,
        expiresAt: new Date(r.value.expiresAt),
      })
      follow(r.value)
      return r
    },
    'checkout.cancel': async ({ requestId }) => {
      const r = await read((token) => core.cancelPaymentRequest(token, requestId), toPaymentRequest)
      streams.get(requestId)?.abort()
      opts.devices.display.idle()
      showView({ kind: 'idle', businessName: header().businessName })
      return r
    },
    'checkout.payByCard': async ({ key, requestId, pin }) => {
      if (!lastCard)
        return { outcome: 'refused', code: 'validation_failed', message: 'Tap or swipe the card first.' }
      const pr = await read((token) => core.paymentRequest(token, requestId), toPaymentRequest)
      if (!pr.ok) return { outcome: 'refused', code: pr.code, message: pr.message }
      const card =
        lastCard.kind === 'nfc'
          ? { kind: 'nfc' as const, uid: lastCard.uid }
          : { kind: 'magstripe' as const, pan: lastCard.pan }
      const outcome = await moveMoney(key, {
        kind: 'card-payment',
        body: { card, pin, amount: Number(pr.value.amount), paymentRequestId: requestId },
      })
      if (outcome.outcome === 'done') {
        lastCard = null
        opts.devices.display.paid()
      }
      return outcome
    },
    'checkout.finish': ({ transactionId }) =>
      read(
        (token) => core.receipt(token, transactionId),
        (b) => toTransaction(b),
      ),
    'sales.today': () =>
      read(
        (token) => core.sales(token, { date: today(), limit: 100 }),
        (b) =>
          b.items.map((s) => ({
            id: s.id,
            reference: s.reference,
            method: s.method,
            status: s.status,
            amount: str(s.amount),
            refunded: str(s.refunded),
            refundable: str(s.refundable),
            currency: s.currency,
            createdAt: s.createdAt,
            payer: s.payer ? { name: s.payer.name, phone: s.payer.phone } : null,
          })),
      ),
    'refunds.submit': ({ key, paymentId, amount }) =>
      moveMoney(key, { kind: 'refund', body: { paymentId, amount: Number(amount) } }, { type: 'refund' }),
    'endOfDay.report': () => read((token) => core.zReport(token, today()), toZReport),
    'endOfDay.print': async () => {
      const r = await read((token) => core.zReport(token, today()), toZReport)
      if (!r.ok) return r
      printJobs(opts.devices.printer, [zReportJob(r.value, header(), width)])
      return { ok: true, value: {} }
    },
    'devices.status': async () => devices.current(),
  }

  let checkInTimer: NodeJS.Timeout | null = null
  return {
    handlers,
    /** Every event for the renderer and the customer display. */
    onEvent(listener: (name: EventName, payload: unknown) => void) {
      bus.on('event', listener)
      return () => void bus.off('event', listener)
    },
    /** Resolves what was left unknown, then checks in on a timer. */
    async start() {
      await checkIn()
      void resolvePending()
      checkInTimer = setInterval(() => void checkIn(), opts.checkInMs ?? 30_000)
    },
    checkIn,
    resolvePending,
    async stop() {
      stopping.abort()
      if (checkInTimer) clearInterval(checkInTimer)
      for (const s of streams.values()) s.abort()
      devices.stop()
    },
  }
}
export type Terminal = ReturnType<typeof createTerminal>

function toPaymentRequest(b: PaymentRequestAnswer): PaymentRequest {
  return {
    id: b.id,
    qr: b.qr,
    amount: str(b.amount),
    currency: b.currency,
    reference: b.reference,
    status: b.status,
    expiresAt: b.expiresAt,
    paidTransactionId: b.paidTransactionId,
  }
}

function toZReport(b: ZReportAnswer) {
  const ct = (x: { count: number; total: number }) => ({ count: x.count, total: str(x.total) })
  return {
    date: b.date,
    currency: b.currency,
    sales: ct(b.sales),
    byMethod: Object.fromEntries(Object.entries(b.byMethod).map(([k, v]) => [k, ct(v)])),
    refunds: ct(b.refunds),
    fees: str(b.fees),
    net: str(b.net),
  }
}
