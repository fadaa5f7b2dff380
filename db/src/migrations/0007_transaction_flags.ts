import type { Knex } from 'knex'

export const name = '0007_transaction_flags'

// Transactions staff must look at: a reversal the ledger refused (the recipient had spent the money),
// and later, suspicious activity.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE transaction_flags (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transaction_id uuid NOT NULL REFERENCES transactions(id),
      kind text NOT NULL CHECK (kind IN ('reversal_blocked', 'suspicious')),
      reason text NOT NULL,
      raised_by uuid REFERENCES parties(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz
    );
    CREATE INDEX transaction_flags_open ON transaction_flags (created_at) WHERE resolved_at IS NULL;
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE transaction_flags')
}
