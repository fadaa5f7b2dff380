import { parseAmount } from '@gopay/vocabulary'

/** "1,500.50" → 150050 (minor units, a safe integer), or undefined when it is not an amount. */
export function toMinor(typed: string): number | undefined {
  const p = parseAmount(typed)
  if (!p.ok || p.minor > BigInt(Number.MAX_SAFE_INTEGER)) return undefined
  return Number(p.minor)
}

/** 150050 → "1500.50" for an input's initial value. */
export const toTyped = (minor: number): string =>
  `${Math.trunc(minor / 100)}.${String(Math.abs(minor % 100)).padStart(2, '0')}`
