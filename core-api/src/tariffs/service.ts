import type { Db, Executor } from '@gopay/db'

export interface Quote {
  fee: bigint
  commission: bigint
}

export interface TariffService {
  /**
   * Fee and agent commission for an amount, or null when no band covers it. Reads through `trx` on a
   * cache miss: inside a transaction, never a second connection.
   */
  quote(type: string, currency: string, amount: bigint, trx?: Executor): Promise<Quote | null>
  /** Drops the cached bands (a tariff change took effect in this process). */
  forget(): void
}

interface Band {
  min: bigint
  max: bigint
  feeFixed: bigint
  feeBps: bigint
  commissionFixed: bigint
  commissionBps: bigint
}

// Tariffs change rarely and are read on every payment: keep them for a short while.
const CACHE_MS = 30_000

export function createTariffService({ db }: { db: Db }): TariffService {
  const bands = new Map<string, { at: number; value: Promise<Band[]> }>()

  function bandsOf(type: string, currency: string, trx: Executor) {
    const key = `${type}:${currency}`
    const hit = bands.get(key)
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
    const value = trx('fee_tariffs')
      .where({ transaction_type: type, currency, active: true })
      .orderBy('min_amount')
      .select('*')
      .then((rows) =>
        rows.map((r) => ({
          min: r.min_amount,
          max: r.max_amount,
          feeFixed: r.fee_fixed,
          feeBps: BigInt(r.fee_bps),
          commissionFixed: r.commission_fixed,
          commissionBps: BigInt(r.commission_bps),
        })),
      )
    value.catch(() => bands.delete(key))
    bands.set(key, { at: Date.now(), value })
    return value
  }

  return {
    forget: () => bands.clear(),
    async quote(type, currency, amount, trx = db) {
      const band = (await bandsOf(type, currency, trx)).find((b) => amount >= b.min && amount <= b.max)
      if (!band) return null
      // Basis points round down: GoPay never charges a fraction of a cent more than the tariff.
      return {
        fee: band.feeFixed + (amount * band.feeBps) / 10_000n,
        commission: band.commissionFixed + (amount * band.commissionBps) / 10_000n,
      }
    },
  }
}
