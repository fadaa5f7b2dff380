// Money is integer minor units everywhere (bigint in the core, number or bigint on the wire and in
// screens). GoPay's currencies (KES, UGX's peers in the region as configured) all show two decimals.

export type Minor = bigint | number

const toBig = (minor: Minor): bigint => (typeof minor === 'bigint' ? minor : BigInt(minor))

/** 150050 → "1,500.50": the amount alone, for fields and tables. */
export function formatAmount(minor: Minor): string {
  const m = toBig(minor)
  const sign = m < 0n ? '-' : ''
  const abs = m < 0n ? -m : m
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${whole}.${(abs % 100n).toString().padStart(2, '0')}`
}

/** 150050 KES → "KES 1,500.50". Used by texts, USSD screens, receipts and both front ends. */
export function formatMoney(minor: Minor, currency: string): string {
  const s = formatAmount(minor)
  return s.startsWith('-') ? `-${currency} ${s.slice(1)}` : `${currency} ${s}`
}

export type ParsedAmount =
  { ok: true; minor: bigint } | { ok: false; reason: 'empty' | 'format' | 'precision' }

/**
 * What an operator typed ("1500", "1,500.5", "1 500.50") → minor units, exactly (no floats).
 * Refuses more than two decimals and anything that is not a plain positive amount.
 */
export function parseAmount(typed: string): ParsedAmount {
  const s = typed.trim().replace(/[\s,]/g, '')
  if (!s) return { ok: false, reason: 'empty' }
  const m = /^(\d{1,15})(?:\.(\d*))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s)
  if (!m) return { ok: false, reason: 'format' }
  const decimals = m[2] ?? ''
  if (decimals.length > 2) return { ok: false, reason: 'precision' }
  const whole = m[1] ? BigInt(m[1]) : 0n
  return { ok: true, minor: whole * 100n + BigInt(decimals.padEnd(2, '0') || '0') }
}
