import type { Knex } from 'knex'

export const name = '0010_refunds'

// A refund points at the payment it gives back, so what was refunded of a payment is one indexed sum.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE transactions ADD COLUMN original_transaction_id uuid REFERENCES transactions(id);
    CREATE INDEX transactions_original ON transactions (original_transaction_id) WHERE original_transaction_id IS NOT NULL;
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE transactions DROP COLUMN original_transaction_id')
}
