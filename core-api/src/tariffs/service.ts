import type { Db, Executor } from '@gopay/db'

export interface Quote {
  fee: bigint
  commission: bigint
}

export interface TierLimits {
  perTransaction: bigint
  daily: bigint
  monthly: bigint
  maxBalance: bigint
}

export interface TariffService {
  /** Fee and agent commission for an amount, or null when no band covers it. */
  /** Reads through `trx` on a cache miss: inside a transaction, never a second connection. */
  quote(type: string, currency: string, amount: bigint, trx?: Executor): Promise<Quote | null>
  limits(tier: number, currency: string, trx?: Executor): Promise<TierLimits | null>
  /** What a party has sent today and this month (in GoPay's time zone), pending included. */
  usage(trx: Executor, partyId: string): Promise<{ today: bigint; month: bigint }>
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

export function createTariffService({ db, timezone }: { db: Db; timezone: string }): TariffService {
  const bands = new Map<string, { at: number; value: Promise<Band[]> }>()
  const tiers = new Map<string, { at: number; value: Promise<TierLimits | null> }>()

  function cached<T>(
    map: Map<string, { at: number; value: Promise<T> }>,
    key: string,
    load: () => Promise<T>,
  ) {
    const hit = map.get(key)
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
    const value = load()
    value.catch(() => map.delete(key))
    map.set(key, { at: Date.now(), value })
    return value
  }

  return {
    async quote(type, currency, amount, trx = db) {
      const list = await cached(bands, `${type}:${currency}`, async () =>
        (
          await trx('fee_tariffs')
            .where({ transaction_type: type, currency, active: true })
            .orderBy('min_amount')
            .select('*')
        ).map((r) => ({
          min: r.min_amount,
          max: r.max_amount,
          feeFixed: r.fee_fixed,
          feeBps: BigInt(r.fee_bps),
          commissionFixed: r.commission_fixed,
          commissionBps: BigInt(r.commission_bps),
        })),
      )
      const band = list.find((b) => amount >= b.min && amount <= b.max)
      if (!band) return null
      // Basis points round down: GoPay never charges a fraction of a cent more than the tariff.
      return {
        fee: band.feeFixed + (amount * band.feeBps) / 10_000n,
        commission: band.commissionFixed + (amount * band.commissionBps) / 10_000n,
      }
    },
    limits(tier, currency, trx = db) {
      return cached(tiers, `${tier}:${currency}`, async () => {
        const r = await trx('tier_limits').where({ tier, currency }).first()
        return r
          ? {
              perTransaction: r.per_transaction,
              daily: r.daily,
              monthly: r.monthly,
              maxBalance: r.max_balance,
            }
          : null
      })
    },
    async usage(trx, partyId) {
      const { rows } = await trx.raw(
        `SELECT coalesce(sum(amount) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE ?) AT TIME ZONE ?), 0)::bigint AS today,
                coalesce(sum(amount), 0)::bigint AS month
         FROM transactions
         WHERE payer_party_id = ? AND status IN ('pending', 'completed')
           AND created_at >= date_trunc('month', now() AT TIME ZONE ?) AT TIME ZONE ?`,
        [timezone, timezone, partyId, timezone, timezone],
      )
      return { today: rows[0].today as bigint, month: rows[0].month as bigint }
    },
  }
}
