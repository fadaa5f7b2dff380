import { createHmac, timingSafeEqual } from 'node:crypto'

/** `X-GoPay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, like most webhook senders. */
export const SIGNATURE_HEADER = 'x-gopay-signature'

export function signWebhook(secret: string, body: string, at = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')
  return `t=${at},v1=${mac}`
}

/** Checks the signature and that it is fresh (a captured request cannot be replayed days later). */
export function verifyWebhook(
  secret: string,
  body: Buffer | string,
  header: string | undefined,
  toleranceSeconds = 300,
  now = Math.floor(Date.now() / 1000),
): { ok: true } | { ok: false; reason: string } {
  if (!header) return { ok: false, reason: 'the signature header is missing' }
  const parts = Object.fromEntries(
    header.split(',').map((kv) => {
      const i = kv.indexOf('=')
      return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()]
    }),
  )
  const at = Number(parts.t)
  if (!Number.isInteger(at) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? ''))
    return { ok: false, reason: 'the signature header is malformed' }
  if (Math.abs(now - at) > toleranceSeconds)
    return { ok: false, reason: 'the signature is too old or too new' }
  const expected = createHmac('sha256', secret).update(`${at}.`).update(body).digest()
  const given = Buffer.from(parts.v1!, 'hex')
  return timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, reason: 'the signature does not match' }
}
