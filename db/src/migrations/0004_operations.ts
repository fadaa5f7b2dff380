import type { Knex } from 'knex'

export const name = '0004_operations'

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- The first answer to a money-moving request, kept so a retry under the same key gets it again.
    CREATE TABLE idempotency_keys (
      principal_id uuid NOT NULL,
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
      request_hash text NOT NULL,
      status_code smallint,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (principal_id, key)
    );
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor_party_id uuid,
      action text NOT NULL,
      target_type text,
      target_id text,
      details jsonb NOT NULL DEFAULT '{}',
      request_id text,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
    -- Messages written in the same transaction as the change they announce, dispatched afterwards.
    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      topic text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      available_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    );
    CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE dispatched_at IS NULL;
    -- Text messages: sent through the SMS provider, or kept here when none is configured (the demo).
    CREATE TABLE sms_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      outbox_id bigint UNIQUE REFERENCES outbox(id),
      to_phone text NOT NULL,
      body text NOT NULL,
      provider text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued','sent','failed')),
      provider_message_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX sms_messages_phone ON sms_messages (to_phone, id DESC);
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE sms_messages, outbox, audit_log, idempotency_keys')
}
