import type { Knex } from 'knex'
import * as m0001 from './0001_parties'
import * as m0002 from './0002_ledger'
import * as m0003 from './0003_limits_and_tariffs'
import * as m0004 from './0004_operations'
import * as m0005 from './0005_wallet_payment'
import * as m0006 from './0006_cards'
import * as m0007 from './0007_transaction_flags'
import * as m0008 from './0008_profile_and_devices'
import * as m0009 from './0009_payment_requests'
import * as m0010 from './0010_refunds'
import * as m0011 from './0011_integrations_and_notifications'
import * as m0012 from './0012_numbers_and_balance_texts'
import * as m0013 from './0013_terminals'
import * as m0014 from './0014_back_office'
import * as m0015 from './0015_back_office_indexes'
import * as m0016 from './0016_dashboard_index'
import * as m0017 from './0017_dashboard_rollups'

export interface Migration {
  name: string
  up(knex: Knex): Promise<void>
  down(knex: Knex): Promise<void>
}

/** In order; append only. */
export const migrations: Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
]
