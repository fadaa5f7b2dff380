import type { Knex } from 'knex'

export const name = '0014_back_office'

/*
 * The back office (issue 10): the hash-chained audit log, maker-checker requests, scheduled tariff and
 * limit changes, fraud rules and alerts, agents' commission tariffs, KYC rejections.
 *
 * The audit chain is computed by the database, as Formance's ledger does: each row's hash covers the
 * previous row's hash and the row itself. Rows are sealed by a deferred constraint trigger, at commit:
 * the chain head is locked last of all (after any ledger balance row), so sealing cannot deadlock with
 * the ledger's lock order, and the head is held only for the commit itself. Writers cannot pre-set or
 * skip the seal; the only update the table accepts is that seal, from inside the trigger.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE audit_log ADD COLUMN seq bigint UNIQUE, ADD COLUMN prev_hash text, ADD COLUMN hash text;
    CREATE INDEX audit_log_actor ON audit_log (actor_party_id, id DESC);
    CREATE TABLE audit_chain_head (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    INSERT INTO audit_chain_head (seq, hash) VALUES (0, repeat('0', 64));

    -- The hash of one row given the previous row's hash and the row's place in the chain.
    CREATE FUNCTION audit_row_hash(p_prev text, p_seq bigint, r audit_log) RETURNS text
      LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(p_prev || jsonb_build_array(p_seq, r.id, r.actor_party_id, r.action,
        r.target_type, r.target_id, r.details, r.request_id, r.ip,
        (extract(epoch FROM r.created_at) * 1000000)::bigint)::text, 'UTF8')), 'hex')
    $$;

    CREATE FUNCTION audit_unsealed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.seq := NULL; NEW.prev_hash := NULL; NEW.hash := NULL;
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit_log_unsealed BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_unsealed();

    CREATE FUNCTION audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE h record; r audit_log; v_hash text;
    BEGIN
      SELECT * INTO h FROM audit_chain_head FOR UPDATE;
      SELECT * INTO r FROM audit_log WHERE id = NEW.id;
      v_hash := audit_row_hash(h.hash, h.seq + 1, r);
      UPDATE audit_log SET seq = h.seq + 1, prev_hash = h.hash, hash = v_hash WHERE id = NEW.id;
      UPDATE audit_chain_head SET seq = h.seq + 1, hash = v_hash;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER audit_log_seal AFTER INSERT ON audit_log
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal();

    DROP TRIGGER audit_log_append_only ON audit_log;
    CREATE FUNCTION audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
         AND (OLD.id, OLD.actor_party_id, OLD.action, OLD.target_type, OLD.target_id, OLD.details,
              OLD.request_id, OLD.ip, OLD.created_at)
             IS NOT DISTINCT FROM (NEW.id, NEW.actor_party_id, NEW.action, NEW.target_type, NEW.target_id,
              NEW.details, NEW.request_id, NEW.ip, NEW.created_at) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_log rows are append-only' USING ERRCODE = 'GP010';
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_guard();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

    -- Every money movement is in the audit log: one row per journal entry, written with its postings.
    CREATE FUNCTION audit_postings() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO audit_log (action, target_type, target_id, details)
        SELECT 'ledger.entry', 'transaction', coalesce(je.transaction_id::text, je.id::text),
          jsonb_build_object('entryId', je.id, 'kind', je.kind, 'currency', je.currency,
            'reverses', je.reverses_entry_id, 'description', je.description,
            'postings', jsonb_agg(jsonb_build_object('account', p.account_id, 'amount', p.amount) ORDER BY p.account_id))
        FROM new_postings p JOIN journal_entries je ON je.id = p.entry_id
        GROUP BY je.id, je.transaction_id, je.kind, je.currency, je.reverses_entry_id, je.description;
      RETURN NULL;
    END $$;
    CREATE TRIGGER postings_audited AFTER INSERT ON postings
      REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION audit_postings();

    -- Four eyes: a request by one member of staff, decided by another. One pending request per target.
    CREATE TABLE approval_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('reversal','tariff_change','limit_change')),
      target_id text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','failed')),
      requested_by uuid NOT NULL REFERENCES parties(id),
      decided_by uuid REFERENCES parties(id),
      decided_at timestamptz,
      decision_reason text,
      result jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (decided_by IS NULL OR decided_by <> requested_by)
    );
    CREATE UNIQUE INDEX approval_requests_one_pending ON approval_requests (kind, target_id) WHERE status = 'pending';
    CREATE INDEX approval_requests_list ON approval_requests (status, created_at DESC, id DESC);
    CREATE INDEX approval_requests_target ON approval_requests (target_id);

    -- Approved tariff and limit changes, applied at their stated time; the rows stay as the history.
    CREATE TABLE tariff_schedule (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('tariff','limit')),
      key text NOT NULL,
      effective_at timestamptz NOT NULL,
      after jsonb NOT NULL,
      before jsonb,
      request_id uuid NOT NULL UNIQUE REFERENCES approval_requests(id),
      applied_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX tariff_schedule_due ON tariff_schedule (effective_at) WHERE applied_at IS NULL;
    CREATE INDEX tariff_schedule_history ON tariff_schedule (kind, id DESC);

    -- An agent's commission tariff: its share of the commission the fee tariff's bands give.
    CREATE TABLE commission_tariffs (
      code text PRIMARY KEY,
      name text NOT NULL,
      share_bps integer NOT NULL CHECK (share_bps BETWEEN 0 AND 20000)
    );
    INSERT INTO commission_tariffs VALUES ('standard', 'Standard', 10000), ('starter', 'Starter (80%)', 8000),
      ('premium', 'Premium (120%)', 12000);
    ALTER TABLE agents ADD COLUMN commission_tariff text NOT NULL DEFAULT 'standard' REFERENCES commission_tariffs(code);
    ALTER TABLE agents ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE merchants ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

    ALTER TABLE kyc_records ADD COLUMN reason text, ADD COLUMN reviewed_at timestamptz;

    -- Fraud: rules with their thresholds, and the alerts they raise. One open alert per rule and party;
    -- later hits add their transactions to it.
    CREATE TABLE fraud_rules (
      rule text PRIMARY KEY,
      enabled boolean NOT NULL DEFAULT true,
      score integer NOT NULL CHECK (score BETWEEN 1 AND 100),
      params jsonb NOT NULL,
      description text NOT NULL,
      updated_by uuid REFERENCES parties(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO fraud_rules (rule, score, params, description) VALUES
      ('velocity', 60, '{"count":10,"windowMinutes":10}',
        'More than count outgoing payments from one wallet within windowMinutes'),
      ('unusual_amount', 40, '{"factor":5,"minHistory":5,"historyDays":90}',
        'A payment more than factor times the wallet''s average of the last historyDays (with minHistory payments or more)'),
      ('structuring', 50, '{"count":2,"windowHours":24,"nearLimitPercent":90}',
        'count or more payments within windowHours each at nearLimitPercent or more of the per-transaction limit'),
      ('new_device_large_transfer', 50, '{"deviceAgeHours":24,"amount":2000000}',
        'A payment of amount or more within deviceAgeHours of the wallet''s newest device being added'),
      ('wrong_pins', 30, '{"attempts":3}', 'attempts or more wrong PINs in a row'),
      ('many_senders', 50, '{"senders":5,"windowHours":24,"walletAgeDays":7}',
        'senders or more distinct payers within windowHours into a wallet opened less than walletAgeDays ago');
    CREATE TABLE fraud_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rule text NOT NULL REFERENCES fraud_rules(rule),
      party_id uuid NOT NULL REFERENCES parties(id),
      transaction_ids uuid[] NOT NULL DEFAULT '{}',
      score integer NOT NULL,
      conditions jsonb NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','reviewing','dismissed','actioned')),
      note text,
      action text CHECK (action IN ('lock_account','hold_wallet')),
      hold_id uuid REFERENCES ledger_holds(id),
      reviewed_by uuid REFERENCES parties(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX fraud_alerts_one_open ON fraud_alerts (rule, party_id) WHERE status IN ('open','reviewing');
    CREATE INDEX fraud_alerts_queue ON fraud_alerts (status, created_at DESC, id DESC);
    CREATE INDEX fraud_alerts_all ON fraud_alerts (created_at DESC, id DESC);

    -- Fraud screening goes through the outbox: every transaction written, and every wrong PIN, leaves a
    -- message in the same database transaction, so no flow can forget to be screened.
    CREATE FUNCTION fraud_screen_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO outbox (topic, payload) VALUES ('fraud.screen', jsonb_build_object('transactionId', NEW.id));
      RETURN NULL;
    END $$;
    CREATE TRIGGER transactions_screened AFTER INSERT ON transactions
      FOR EACH ROW EXECUTE FUNCTION fraud_screen_transaction();
    CREATE FUNCTION fraud_screen_wrong_pin() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO outbox (topic, payload) VALUES ('fraud.screen',
        jsonb_build_object('partyId', NEW.party_id, 'wrongPins', NEW.failed_attempts));
      RETURN NULL;
    END $$;
    CREATE TRIGGER credentials_wrong_pin_screened AFTER UPDATE OF failed_attempts ON credentials
      FOR EACH ROW WHEN (NEW.kind = 'pin' AND NEW.failed_attempts > OLD.failed_attempts)
      EXECUTE FUNCTION fraud_screen_wrong_pin();
    CREATE INDEX outbox_topic ON outbox (topic, created_at);
  `)
  // Rows written before the chain existed are sealed now, in the order they were written.
  await knex.raw(`
    ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
    DO $$
    DECLARE r audit_log; h record; v_hash text;
    BEGIN
      FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        SELECT * INTO h FROM audit_chain_head;
        v_hash := audit_row_hash(h.hash, h.seq + 1, r);
        UPDATE audit_log SET seq = h.seq + 1, prev_hash = h.hash, hash = v_hash WHERE id = r.id;
        UPDATE audit_chain_head SET seq = h.seq + 1, hash = v_hash;
      END LOOP;
    END $$;
    ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER credentials_wrong_pin_screened ON credentials;
    DROP TRIGGER transactions_screened ON transactions;
    DROP FUNCTION fraud_screen_wrong_pin(), fraud_screen_transaction();
    DROP INDEX outbox_topic;
    DROP TABLE fraud_alerts, fraud_rules, tariff_schedule, approval_requests;
    ALTER TABLE kyc_records DROP COLUMN reason, DROP COLUMN reviewed_at;
    ALTER TABLE merchants DROP COLUMN created_at;
    ALTER TABLE agents DROP COLUMN created_at, DROP COLUMN commission_tariff;
    DROP TABLE commission_tariffs;
    DROP TRIGGER postings_audited ON postings;
    DROP FUNCTION audit_postings();
    DROP TRIGGER audit_log_no_truncate ON audit_log;
    DROP TRIGGER audit_log_append_only ON audit_log;
    DROP TRIGGER audit_log_seal ON audit_log;
    DROP TRIGGER audit_log_unsealed ON audit_log;
    DROP FUNCTION audit_guard(), audit_seal(), audit_unsealed(), audit_row_hash(text, bigint, audit_log);
    DROP TABLE audit_chain_head;
    DROP INDEX audit_log_actor;
    ALTER TABLE audit_log DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
  `)
}
