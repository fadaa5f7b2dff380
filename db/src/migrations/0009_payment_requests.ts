import type { Knex } from 'knex'

export const name = '0009_payment_requests'

// A merchant's dynamic request for one payment: shown as a QR, paid once, or expired or cancelled.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE payment_requests (
      id uuid PRIMARY KEY,
      merchant_party_id uuid NOT NULL REFERENCES parties(id),
      amount bigint NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      reference text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'expired', 'cancelled')),
      expires_at timestamptz NOT NULL,
      paid_transaction_id uuid REFERENCES transactions(id) DEFERRABLE INITIALLY DEFERRED,
      paid_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX payment_requests_merchant ON payment_requests (merchant_party_id, created_at DESC);
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE payment_requests')
}
