import type { Knex } from 'knex'

export const name = '0001_parties'

// People and organisations GoPay knows, how they prove who they are, and their devices.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE parties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('user','agent','merchant','biller','staff','service')),
      roles text[] NOT NULL,
      display_name text NOT NULL,
      phone text UNIQUE CHECK (phone ~ '^\\+[1-9][0-9]{7,14}$'),
      email text UNIQUE,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('pending_otp','active','locked','closed')),
      kyc_tier smallint NOT NULL DEFAULT 0 CHECK (kyc_tier BETWEEN 0 AND 2),
      language text NOT NULL DEFAULT 'en' CHECK (language IN ('en','sw')),
      locked_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE users (
      party_id uuid PRIMARY KEY REFERENCES parties(id),
      first_name text NOT NULL,
      last_name text NOT NULL,
      id_number text
    );
    CREATE TABLE agents (
      party_id uuid PRIMARY KEY REFERENCES parties(id),
      code text NOT NULL UNIQUE,
      business_name text NOT NULL,
      location text,
      float_threshold bigint NOT NULL DEFAULT 0 CHECK (float_threshold >= 0),
      bank_account text
    );
    CREATE TABLE merchants (
      party_id uuid PRIMARY KEY REFERENCES parties(id),
      code text NOT NULL UNIQUE,
      business_name text NOT NULL,
      category_code text NOT NULL DEFAULT '5411',
      city text NOT NULL DEFAULT 'Nairobi',
      settlement_bank_account text
    );
    CREATE TABLE billers (
      party_id uuid PRIMARY KEY REFERENCES parties(id),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      account_pattern text NOT NULL,
      fee bigint NOT NULL DEFAULT 0 CHECK (fee >= 0),
      active boolean NOT NULL DEFAULT true
    );
    CREATE TABLE staff (
      party_id uuid PRIMARY KEY REFERENCES parties(id),
      email text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('admin','sub_admin','auditor'))
    );
    CREATE TABLE credentials (
      party_id uuid NOT NULL REFERENCES parties(id),
      kind text NOT NULL CHECK (kind IN ('pin','password')),
      secret_hash text NOT NULL,
      failed_attempts smallint NOT NULL DEFAULT 0,
      locked_at timestamptz,
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (party_id, kind)
    );
    CREATE TABLE devices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      party_id uuid NOT NULL REFERENCES parties(id),
      label text NOT NULL,
      fingerprint text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','wipe_pending','wiped')),
      wipe_requested_at timestamptz,
      wipe_confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (party_id, fingerprint)
    );
    CREATE TABLE refresh_token_families (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      party_id uuid NOT NULL REFERENCES parties(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_reason text
    );
    CREATE INDEX refresh_token_families_party ON refresh_token_families (party_id) WHERE revoked_at IS NULL;
    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      family_id uuid NOT NULL REFERENCES refresh_token_families(id),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE otp_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      party_id uuid NOT NULL REFERENCES parties(id),
      purpose text NOT NULL,
      code_hash text NOT NULL,
      attempts smallint NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE kyc_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      party_id uuid NOT NULL REFERENCES parties(id),
      tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 2),
      id_type text NOT NULL,
      id_number text NOT NULL,
      status text NOT NULL CHECK (status IN ('submitted','verified','rejected')),
      reviewed_by uuid REFERENCES parties(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE kyc_records, otp_codes, refresh_tokens, refresh_token_families, devices,
    credentials, staff, billers, merchants, agents, users, parties`)
}
