import type { Knex } from 'knex'

export const name = '0013_terminals'

/*
 * Point-of-sale terminals: a device (its secret, check-ins and wipe orders live on `devices`) enrolled
 * by staff for an agent or a merchant, activated once with a short-lived code. Operator sessions opened
 * on a terminal carry its id, so locking or wiping the terminal revokes them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE terminals (
      device_id uuid PRIMARY KEY REFERENCES devices(id),
      owner_party_id uuid NOT NULL REFERENCES parties(id),
      kind text NOT NULL CHECK (kind IN ('agent', 'merchant')),
      -- sha256 of the one-time activation code; cleared when it is used.
      activation_code_hash text UNIQUE,
      activation_expires_at timestamptz NOT NULL,
      activated_at timestamptz,
      locked_at timestamptz,
      created_by uuid NOT NULL REFERENCES parties(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX terminals_owner ON terminals (owner_party_id, created_at DESC);
    ALTER TABLE refresh_token_families ADD COLUMN terminal_id uuid REFERENCES devices(id);
    CREATE INDEX refresh_token_families_terminal ON refresh_token_families (terminal_id) WHERE revoked_at IS NULL;

    -- The short reference printed on receipts and quoted in text messages: the id's first 8 characters.
    ALTER TABLE transactions ADD COLUMN receipt_ref text GENERATED ALWAYS AS (upper(left(id::text, 8))) STORED;
    CREATE INDEX transactions_receipt_ref ON transactions (receipt_ref);

    -- A customer-initiated withdrawal's cash handed over at the counter: once per withdrawal.
    CREATE TABLE cash_handovers (
      transaction_id uuid PRIMARY KEY REFERENCES transactions(id),
      agent_party_id uuid NOT NULL REFERENCES parties(id),
      terminal_id uuid REFERENCES devices(id),
      handed_over_at timestamptz NOT NULL DEFAULT now()
    );

    -- Photos of identity documents, taken at registration (KYC review reads them).
    CREATE TABLE kyc_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      party_id uuid NOT NULL REFERENCES parties(id),
      kind text NOT NULL CHECK (kind IN ('id_photo')),
      content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
      content bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 2097152),
      sha256 text NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES parties(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kyc_documents_party ON kyc_documents (party_id, kind, created_at DESC);
    -- Who registered a customer at a counter (the agent may then add the ID photo).
    ALTER TABLE users ADD COLUMN registered_by uuid REFERENCES parties(id);

    -- Every status change of a payment request is announced, so open event streams in any process learn it.
    CREATE FUNCTION payment_request_announce() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('payment_request_status', NEW.id::text);
      RETURN NULL;
    END $$;
    CREATE TRIGGER payment_requests_announce AFTER UPDATE OF status ON payment_requests
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION payment_request_announce();
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER payment_requests_announce ON payment_requests;
    DROP FUNCTION payment_request_announce();
    ALTER TABLE users DROP COLUMN registered_by;
    DROP TABLE kyc_documents, cash_handovers;
    DROP INDEX transactions_receipt_ref;
    ALTER TABLE transactions DROP COLUMN receipt_ref;
    ALTER TABLE refresh_token_families DROP COLUMN terminal_id;
    DROP TABLE terminals;
  `)
}
