import { timingSafeEqual, createHash } from 'node:crypto'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import type { CoreClient } from './core/client'
import { openWithInputs, takeInput } from './menus/menu'
import { textsFor } from './menus/texts'
import { render } from './protocol/screen'
import type { SessionState, SessionStore } from './sessions/store'

export interface GatewayDeps {
  store: SessionStore
  core: CoreClient
  currency: string
  countryCode: string
  /** Who may post hops: a shared secret (`?key=` on the callback URL, or X-USSD-Key), and/or source addresses. */
  access: { sharedSecret?: string; allowedIps?: string[] }
  log?: Logger
}

const sha = (s: string) => createHash('sha256').update(s).digest()
/** Africa's Talking's ids are about 40 characters; longer ones are refused, never cut. */
const SESSION_ID_MAX = 200
const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

export function createGatewayApp(deps: GatewayDeps) {
  const app = express()
  app.disable('x-powered-by')
  app.use(express.urlencoded({ extended: false, limit: '8kb' }))

  // Only the aggregator may post hops: anyone else could act for another person's phone.
  app.use((req, res, next) => {
    if (req.path === '/healthz') return next()
    const ip = req.socket.remoteAddress ?? ''
    const { sharedSecret, allowedIps } = deps.access
    const given = String(req.query.key ?? req.get('x-ussd-key') ?? '')
    const secretOk = sharedSecret ? given.length > 0 && timingSafeEqual(sha(given), sha(sharedSecret)) : true
    const ipOk = allowedIps?.length ? allowedIps.includes(ip) : sharedSecret ? true : loopback.has(ip)
    if (secretOk && ipOk) return next()
    deps.log?.warn({ ip }, 'USSD hop refused: not from the aggregator')
    res.status(403).type('text/plain').send('END Not allowed.')
  })

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })

  app.post('/ussd', async (req, res) => {
    // No body at all when it came as something other than a form.
    const b = (req.body ?? {}) as Record<string, unknown>
    // The id whole: a shortened id could be another session's.
    const sessionId =
      typeof b.sessionId === 'string' && b.sessionId.length <= SESSION_ID_MAX ? b.sessionId : ''
    const phone = typeof b.phoneNumber === 'string' ? b.phoneNumber.trim() : ''
    const text = typeof b.text === 'string' ? b.text : ''
    const answer = (body: string) => res.status(200).type('text/plain').send(body)
    if (!sessionId || !/^\+[1-9]\d{7,14}$/.test(phone))
      return answer(render({ end: true, text: textsFor('en').failed }))
    try {
      answer(await deps.store.withLock(sessionId, () => hop(sessionId, phone, text)))
    } catch (err) {
      deps.log?.error({ err, sessionId }, 'USSD hop failed')
      answer(render({ end: true, text: textsFor('en').failed }))
    }
  })

  async function hop(sessionId: string, phone: string, text: string): Promise<string> {
    const stored = await deps.store.get(sessionId)
    const base = {
      core: deps.core,
      currency: deps.currency,
      countryCode: deps.countryCode,
      log: deps.log,
      sessionId,
    }
    if (!stored) {
      // A new session: its text is empty, or holds the inputs of a dialled shortcut. (A session we no
      // longer know looks the same, and is walked the same way: up to its first PIN, nothing more.)
      const s: SessionState = {
        phone,
        lang: 'en',
        registered: false,
        lastText: '',
        lastResponse: '',
        hops: 1,
        stack: [],
        page: 0,
        data: {},
        seq: 0,
        ended: false,
        startedAt: Date.now(),
      }
      const screen = await openWithInputs({ ...base, s }, text === '' ? [] : text.split('*'))
      return save(sessionId, s, text, render(screen), screen.end)
    }
    const s = stored
    // Another phone never reads this session's answers.
    if (s.phone !== phone) return render({ end: true, text: textsFor(s.lang).expired })
    // The network resent a hop we answered: the same answer, nothing done again.
    if (text === s.lastText) return s.lastResponse
    if (s.ended) return render({ end: true, text: textsFor(s.lang).expired })
    // This hop's input is what follows the last text; `*` typed inside an input stays in it.
    if (s.lastText !== '' && !text.startsWith(`${s.lastText}*`))
      return render({ end: true, text: textsFor(s.lang).expired })
    const input = (s.lastText === '' ? text : text.slice(s.lastText.length + 1)).trim()
    s.hops++
    const screen = await takeInput({ ...base, s }, input)
    return save(sessionId, s, text, render(screen), screen.end)
  }

  async function save(sessionId: string, s: SessionState, text: string, response: string, ended: boolean) {
    s.lastText = text
    s.lastResponse = response
    s.ended = ended
    await deps.store.set(sessionId, s)
    return response
  }

  app.post('/ussd/events', async (req, res) => {
    const b = (req.body ?? {}) as Record<string, string | undefined>
    if (!b.sessionId || !b.phoneNumber)
      return void res.status(400).type('text/plain').send('sessionId and phoneNumber are required')
    const r = await deps.core
      .service('POST', '/v1/ussd/session-ends', {
        sessionId: b.sessionId,
        phone: b.phoneNumber,
        serviceCode: b.serviceCode,
        networkCode: b.networkCode,
        status: String(b.status ?? 'Unknown'),
        durationMs:
          b.durationInMillis && /^\d+$/.test(b.durationInMillis) ? Number(b.durationInMillis) : undefined,
        hops: b.hopsCount && /^\d+$/.test(b.hopsCount) ? Number(b.hopsCount) : undefined,
        errorMessage: b.errorMessage || undefined,
        lastResponse: b.lastAppResponse?.slice(0, 500),
        cost: b.cost,
      })
      .catch((err) => {
        deps.log?.error({ err }, 'recording a USSD session end failed')
        return { status: 502 }
      })
    res
      .status(r.status === 204 ? 200 : 502)
      .type('text/plain')
      .send(r.status === 204 ? 'OK' : 'not recorded')
  })

  // Whatever else comes, the answer is a plain END screen, never Express's HTML page.
  app.use((_req: Request, res: Response) => {
    res
      .status(404)
      .type('text/plain')
      .send(render({ end: true, text: 'Not found.' }))
  })
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: unknown })?.status
    const code = typeof status === 'number' && status >= 400 && status < 600 ? status : 500
    if (code >= 500) deps.log?.error({ err }, 'USSD gateway error')
    else deps.log?.warn({ status: code, path: req.path }, 'USSD request refused')
    const t = textsFor('en')
    // A hop is answered 200: on a 4xx the network ends the session with its own message instead of ours.
    res
      .status(req.path === '/ussd' ? 200 : code)
      .type('text/plain')
      .send(render({ end: true, text: code === 413 ? `${t.tooLong} ${t.expired}` : t.failed }))
  })

  return app
}
