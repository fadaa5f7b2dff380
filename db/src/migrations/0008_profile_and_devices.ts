import type { Knex } from 'knex'

export const name = '0008_profile_and_devices'

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE parties ADD COLUMN notify_by_sms boolean NOT NULL DEFAULT true;
    -- A device proves itself with its own secret (hashed here), so a wipe order still reaches a
    -- stolen phone whose user sessions were all revoked.
    ALTER TABLE devices ADD COLUMN secret_hash text;
    ALTER TABLE devices ADD COLUMN last_seen_at timestamptz;
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE devices DROP COLUMN last_seen_at, DROP COLUMN secret_hash;
    ALTER TABLE parties DROP COLUMN notify_by_sms;
  `)
}
