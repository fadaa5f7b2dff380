import type { Knex } from 'knex'

export const name = '0003_limits_and_tariffs'

const KES = (shillings: number) => shillings * 100

// Tier limits for KES wallets: tier 0 unverified, 1 ID captured, 2 verified by staff.
const tierLimits = [
  {
    tier: 0,
    per_transaction: KES(10_000),
    daily: KES(20_000),
    monthly: KES(50_000),
    max_balance: KES(50_000),
  },
  {
    tier: 1,
    per_transaction: KES(70_000),
    daily: KES(150_000),
    monthly: KES(1_000_000),
    max_balance: KES(300_000),
  },
  {
    tier: 2,
    per_transaction: KES(250_000),
    daily: KES(500_000),
    monthly: KES(3_000_000),
    max_balance: KES(1_000_000),
  },
]

// [upper bound of the band in shillings, fee in shillings]; the first band starts at 0.01.
const p2pBands: Array<[number, number]> = [
  [100, 0],
  [500, 7],
  [1_000, 13],
  [1_500, 23],
  [2_500, 33],
  [3_500, 53],
  [5_000, 57],
  [7_500, 78],
  [10_000, 90],
  [15_000, 100],
  [20_000, 105],
  [250_000, 108],
]
const cashOutBands: Array<[number, number]> = [
  [100, 0],
  [2_500, 29],
  [3_500, 52],
  [5_000, 69],
  [7_500, 87],
  [10_000, 115],
  [15_000, 167],
  [20_000, 185],
  [35_000, 197],
  [50_000, 278],
  [250_000, 309],
]

function banded(type: string, bands: Array<[number, number]>, commissionBps: number) {
  let lower = 1
  return bands.map(([upper, fee]) => {
    const row = {
      transaction_type: type,
      currency: 'KES',
      min_amount: lower,
      max_amount: KES(upper),
      fee_fixed: KES(fee),
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: commissionBps,
    }
    lower = KES(upper) + 1
    return row
  })
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE tier_limits (
      tier smallint NOT NULL CHECK (tier BETWEEN 0 AND 2),
      currency char(3) NOT NULL,
      per_transaction bigint NOT NULL CHECK (per_transaction > 0),
      daily bigint NOT NULL CHECK (daily > 0),
      monthly bigint NOT NULL CHECK (monthly > 0),
      max_balance bigint NOT NULL CHECK (max_balance > 0),
      PRIMARY KEY (tier, currency)
    );
    -- A fee (and an agent's commission) for a band of amounts of one transaction type.
    CREATE TABLE fee_tariffs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transaction_type text NOT NULL,
      currency char(3) NOT NULL,
      min_amount bigint NOT NULL CHECK (min_amount > 0),
      max_amount bigint NOT NULL,
      fee_fixed bigint NOT NULL DEFAULT 0 CHECK (fee_fixed >= 0),
      fee_bps integer NOT NULL DEFAULT 0 CHECK (fee_bps BETWEEN 0 AND 10000),
      commission_fixed bigint NOT NULL DEFAULT 0 CHECK (commission_fixed >= 0),
      commission_bps integer NOT NULL DEFAULT 0 CHECK (commission_bps BETWEEN 0 AND 10000),
      active boolean NOT NULL DEFAULT true,
      CHECK (max_amount >= min_amount)
    );
    CREATE INDEX fee_tariffs_lookup ON fee_tariffs (transaction_type, currency, min_amount) WHERE active;
  `)
  await knex('tier_limits').insert(tierLimits.map((l) => ({ ...l, currency: 'KES' })))
  await knex('fee_tariffs').insert([
    ...banded('p2p', p2pBands, 0),
    ...banded('cash_out', cashOutBands, 40),
    ...banded('withdrawal', cashOutBands, 40),
    {
      transaction_type: 'cash_in',
      currency: 'KES',
      min_amount: 1,
      max_amount: KES(250_000),
      fee_fixed: 0,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 50,
    },
    {
      transaction_type: 'merchant_payment',
      currency: 'KES',
      min_amount: 1,
      max_amount: KES(250_000),
      fee_fixed: 0,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 0,
    },
    {
      transaction_type: 'airtime',
      currency: 'KES',
      min_amount: 1,
      max_amount: KES(10_000),
      fee_fixed: 0,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 0,
    },
  ])
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE fee_tariffs, tier_limits')
}
