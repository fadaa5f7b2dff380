import { crc16ccitt } from 'crc'

/**
 * EMVCo merchant-presented QR payloads: ID (2 digits) + length (2 digits) + value, the CRC
 * (CRC-16/CCITT-FALSE over everything up to and including "6304") last.
 */
export const GOPAY_QR_ID = 'KE.GOPAY'

const numericCurrency: Record<string, string> = { KES: '404', TZS: '834', UGX: '800', RWF: '646', USD: '840' }

export interface MerchantQr {
  merchantCode: string
  merchantName: string
  city: string
  categoryCode: string
  currency: string
  /** Minor units; absent in a static QR (the payer types the amount). */
  amount?: bigint
  /** A dynamic QR's payment request. */
  requestId?: string
  reference?: string
}

// Only what every scanner reads: printable ASCII, no accents.
const ascii = (s: string, max: number) =>
  s
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, max)

const tlv = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`EMVCo field ${id} is longer than 99 characters`)
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

const crcOf = (payload: string) => crc16ccitt(payload).toString(16).toUpperCase().padStart(4, '0')

export function buildMerchantQr(q: MerchantQr): string {
  const account =
    tlv('00', GOPAY_QR_ID) +
    tlv('01', q.merchantCode) +
    (q.requestId ? tlv('02', q.requestId.replace(/-/g, '')) : '')
  const currency = numericCurrency[q.currency]
  if (!currency) throw new Error(`no ISO 4217 number known for ${q.currency}`)
  const body =
    tlv('00', '01') +
    tlv('01', q.amount === undefined ? '11' : '12') +
    tlv('26', account) +
    tlv('52', q.categoryCode) +
    tlv('53', currency) +
    (q.amount === undefined
      ? ''
      : tlv('54', `${q.amount / 100n}.${String(q.amount % 100n).padStart(2, '0')}`)) +
    tlv('58', 'KE') +
    tlv('59', ascii(q.merchantName, 25)) +
    tlv('60', ascii(q.city, 15)) +
    (q.reference ? tlv('62', tlv('05', ascii(q.reference, 25))) : '')
  const withCrcTag = `${body}6304`
  return withCrcTag + crcOf(withCrcTag)
}

export class QrError extends Error {}

function fields(payload: string): Map<string, string> {
  const out = new Map<string, string>()
  for (let i = 0; i < payload.length;) {
    const id = payload.slice(i, i + 2)
    const len = Number(payload.slice(i + 2, i + 4))
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len) || i + 4 + len > payload.length)
      throw new QrError('This is not a payment QR code.')
    out.set(id, payload.slice(i + 4, i + 4 + len))
    i += 4 + len
  }
  return out
}

/** Reads a GoPay merchant QR; a damaged or foreign code is a QrError with a plain message. */
export function parseMerchantQr(
  payload: string,
): Omit<MerchantQr, 'merchantName' | 'city' | 'categoryCode' | 'currency'> & { currencyNumeric: string } {
  if (!/^000201.*6304[0-9A-Fa-f]{4}$/.test(payload)) throw new QrError('This is not a payment QR code.')
  if (crcOf(payload.slice(0, -4)) !== payload.slice(-4).toUpperCase())
    throw new QrError('The QR code is damaged (its check digits do not match). Scan it again.')
  const top = fields(payload.slice(0, -8))
  const account = top.get('26')
  const sub = account ? fields(account) : undefined
  if (!sub || sub.get('00') !== GOPAY_QR_ID || !sub.get('01'))
    throw new QrError('This QR code is not for a GoPay merchant.')
  const rawAmount = top.get('54')
  if (rawAmount !== undefined && !/^\d{1,13}(\.\d{1,2})?$/.test(rawAmount))
    throw new QrError('The amount in this QR code is not valid.')
  const [whole, cents = ''] = (rawAmount ?? '').split('.')
  const req = sub.get('02')
  return {
    merchantCode: sub.get('01')!,
    currencyNumeric: top.get('53') ?? '',
    amount: rawAmount === undefined ? undefined : BigInt(whole!) * 100n + BigInt(cents.padEnd(2, '0') || '0'),
    requestId:
      req && /^[0-9a-f]{32}$/.test(req)
        ? `${req.slice(0, 8)}-${req.slice(8, 12)}-${req.slice(12, 16)}-${req.slice(16, 20)}-${req.slice(20)}`
        : undefined,
    reference: top.get('62') ? fields(top.get('62')!).get('05') : undefined,
  }
}

export const currencyNumeric = (currency: string) => numericCurrency[currency]
