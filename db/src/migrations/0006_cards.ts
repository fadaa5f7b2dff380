import type { Knex } from 'knex'

export const name = '0006_cards'

// GoPay wallet cards: an NFC card's UID, or a magstripe card's number, bound to one wallet. Only a
// hash of the identifier and its last four characters are kept.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE cards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      party_id uuid NOT NULL REFERENCES parties(id),
      kind text NOT NULL CHECK (kind IN ('nfc', 'magstripe')),
      fingerprint text NOT NULL UNIQUE,
      last4 text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
      bound_at timestamptz NOT NULL DEFAULT now(),
      blocked_at timestamptz,
      blocked_by uuid REFERENCES parties(id),
      block_reason text
    );
    CREATE INDEX cards_party ON cards (party_id);
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE cards')
}
