import type { Knex } from 'knex'

export const name = '0015_back_office_indexes'

/*
 * What the back office's searches and figures need to stay fast on millions of rows (measured by
 * `npm run bench -- admin`): newest-first transaction pages with or without a type or status, the
 * dashboard's sums over a period read from the index alone, the velocity rule's window per wallet, and
 * user search by phone, name or ID number (prefix matches on lower-cased text).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX transactions_recent ON transactions (created_at DESC, id DESC) INCLUDE (type, status, amount, fee, currency);
    CREATE INDEX transactions_type_recent ON transactions (type, created_at DESC, id DESC);
    CREATE INDEX transactions_unsettled ON transactions (status, created_at DESC, id DESC) WHERE status <> 'completed';
    CREATE INDEX transactions_payer_account ON transactions (payer_account_id, created_at);
    CREATE INDEX transactions_payee_account ON transactions (payee_account_id, created_at);
    CREATE INDEX transactions_reference ON transactions (reference) WHERE reference IS NOT NULL;
    CREATE INDEX parties_phone_prefix ON parties (phone text_pattern_ops);
    CREATE INDEX parties_created ON parties (kind, created_at DESC, id DESC);
    CREATE INDEX users_first_name ON users (lower(first_name) text_pattern_ops);
    CREATE INDEX users_last_name ON users (lower(last_name) text_pattern_ops);
    CREATE INDEX users_full_name ON users ((lower(first_name || ' ' || last_name)) text_pattern_ops);
    CREATE INDEX users_id_number ON users (upper(id_number) text_pattern_ops) WHERE id_number IS NOT NULL;
    CREATE INDEX kyc_records_party ON kyc_records (party_id, created_at DESC);
    CREATE INDEX devices_party ON devices (party_id, created_at DESC);
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX transactions_recent, transactions_type_recent, transactions_unsettled, transactions_payer_account,
      transactions_payee_account, transactions_reference, parties_phone_prefix, parties_created, users_first_name,
      users_last_name, users_full_name, users_id_number, kyc_records_party, devices_party;
  `)
}
