import type { Knex } from 'knex'
import { walletPaymentV1 } from './0005_wallet_payment'

export const name = '0011_integrations_and_notifications'

/*
 * Money that waits on an outside party (a bank, a biller, the airtime provider), and notifications.
 *
 * partner_calls: one row per request GoPay makes of a partner, written (pending, with its hold) in the
 * same transaction as the transaction it serves, before the partner is asked. Our `reference` goes with
 * every ask, so asking again is never a second charge; the row is settled exactly once (completed or
 * failed), by whoever sees the partner's final answer first: the request, a callback or the
 * reconciliation job.
 *
 * notifications: what each party is told, in their language; the in-app list. A notification that goes
 * by SMS also gets an outbox row in the same statement, so it exists exactly when the change it
 * announces does.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE partner_calls (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      transaction_id uuid NOT NULL UNIQUE REFERENCES transactions(id),
      partner text NOT NULL CHECK (partner IN ('bank','biller','airtime')),
      operation text NOT NULL CHECK (operation IN ('bank_payout','bank_collection','bill_payment','airtime')),
      reference text NOT NULL UNIQUE,
      hold_id uuid REFERENCES ledger_holds(id),
      request jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','completed','failed')),
      partner_reference text,
      result jsonb,
      asks integer NOT NULL DEFAULT 0,
      sent_at timestamptz,
      next_check_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      settled_at timestamptz
    );
    CREATE INDEX partner_calls_due ON partner_calls (next_check_at) WHERE status = 'pending';

    -- Every bank webhook event once: a replay finds its id here and changes nothing.
    CREATE TABLE bank_events (
      event_id text PRIMARY KEY,
      type text NOT NULL,
      payload jsonb NOT NULL,
      outcome text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    );

    ALTER TABLE billers ADD COLUMN settlement_bank_account text;

    -- The network's end-of-session reports from the USSD gateway.
    CREATE TABLE ussd_sessions (
      session_id text PRIMARY KEY,
      phone text NOT NULL,
      service_code text,
      network_code text,
      status text NOT NULL,
      duration_ms integer,
      hops integer,
      error_message text,
      last_response text,
      cost text,
      ended_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      party_id uuid REFERENCES parties(id),
      phone text,
      kind text NOT NULL,
      language text NOT NULL,
      body text NOT NULL,
      sms_status text NOT NULL CHECK (sms_status IN ('queued','sent','failed','off')),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notifications_party ON notifications (party_id, id DESC);

    -- With Redis, the outbox relay hands rows to the queue; a row handed over but never delivered
    -- (Redis restarted and lost it) is handed over again after a while.
    ALTER TABLE outbox ADD COLUMN enqueued_at timestamptz;

    -- Tells a party (by id, or by phone for someone GoPay does not know) one thing, in their language.
    -- p_always_sms: the text must arrive by SMS whatever the preference (a prepaid token).
    CREATE FUNCTION gopay_notify(p_party uuid, p_phone text, p_kind text, p_en text, p_sw text, p_always_sms boolean)
      RETURNS void LANGUAGE plpgsql AS $$
    DECLARE v_party uuid; v_phone text; v_lang text; v_sms boolean; v_id bigint; v_body text;
    BEGIN
      SELECT id, phone, language, notify_by_sms INTO v_party, v_phone, v_lang, v_sms FROM parties
        WHERE (p_party IS NOT NULL AND id = p_party) OR (p_party IS NULL AND phone = p_phone);
      v_lang := coalesce(v_lang, 'en');
      v_sms := coalesce(v_sms, true);
      v_phone := coalesce(v_phone, p_phone);
      v_body := CASE WHEN v_lang = 'sw' AND p_sw IS NOT NULL THEN p_sw ELSE p_en END;
      v_sms := (v_sms OR p_always_sms) AND v_phone IS NOT NULL;
      INSERT INTO notifications (party_id, phone, kind, language, body, sms_status)
        VALUES (v_party, v_phone, p_kind, v_lang, v_body, CASE WHEN v_sms THEN 'queued' ELSE 'off' END)
        RETURNING id INTO v_id;
      IF v_sms THEN
        INSERT INTO outbox (topic, payload)
          VALUES ('sms.send', jsonb_build_object('to', v_phone, 'message', v_body, 'notificationId', v_id));
      END IF;
    END $$;

    CREATE FUNCTION gopay_fill(p_text text, p_payer_name text, p_payee_name text, p_payer_phone text, p_payee_phone text)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT replace(replace(replace(replace(p_text, '{payerName}', p_payer_name), '{payeeName}', p_payee_name),
        '{payerPhone}', gopay_mask_phone(p_payer_phone)), '{payeePhone}', coalesce(gopay_mask_phone(p_payee_phone), ''))
    $$;

    CREATE OR REPLACE FUNCTION wallet_payment(
      p_principal uuid, p_session uuid, p_key text, p_fingerprint text,
      p_type text, p_payee_by text, p_payee_ref text,
      p_amount bigint, p_fee bigint, p_currency char(3), p_timezone text,
      p_note text, p_reference text, p_tx uuid, p_entry uuid, p_fee_account bigint,
      p_messages jsonb, p_answers jsonb, p_request uuid DEFAULT NULL
    ) RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
      s record; payer record; payee record; prior record;
      -- Scalars, not a record: an unassigned record cannot even be mentioned in an expression.
      req_id uuid; req_merchant uuid; req_status text; req_expires timestamptz; req_amount bigint;
      v_outcome text; v_answer jsonb; v_created timestamptz := now();
    BEGIN
      SELECT p.status, (f.id IS NOT NULL AND f.revoked_at IS NULL) AS live INTO s
        FROM parties p LEFT JOIN refresh_token_families f ON f.id = p_session AND f.party_id = p.id
        WHERE p.id = p_principal;
      IF FOUND AND s.status IN ('locked', 'closed') THEN RETURN p_answers->'locked' || '{"replayed": false}'; END IF;
      IF NOT FOUND OR NOT s.live OR s.status <> 'active' THEN RETURN p_answers->'signed_out' || '{"replayed": false}'; END IF;

      -- Duplicates of one key queue on this lock until the first has committed; its answer is then
      -- visible below. The key's row is written once, at the end, with the answer.
      PERFORM pg_advisory_xact_lock(hashtextextended(p_principal::text || '/' || p_key, 0));
      SELECT request_hash, status_code, response INTO prior FROM idempotency_keys WHERE principal_id = p_principal AND key = p_key;
      IF FOUND THEN
        IF prior.request_hash <> p_fingerprint OR prior.status_code IS NULL THEN
          RETURN p_answers->'idempotency_conflict' || '{"replayed": false}';
        END IF;
        RETURN jsonb_build_object('status', prior.status_code, 'body', prior.response, 'replayed', true);
      END IF;

      -- Lock order: a payment request (dynamic QR), then the payer's party row, then (inside
      -- ledger_post) balance rows.
      IF p_request IS NOT NULL THEN
        SELECT id, merchant_party_id, status, expires_at, amount INTO req_id, req_merchant, req_status, req_expires, req_amount
          FROM payment_requests WHERE id = p_request FOR UPDATE;
      END IF;

      SELECT p.id, p.status, p.kyc_tier, p.display_name, p.phone, a.id AS account_id INTO payer
        FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = p_currency
        WHERE p.id = p_principal FOR NO KEY UPDATE OF p;
      IF p_payee_by = 'phone' THEN
        SELECT p.id, p.status, p.kyc_tier, p.display_name, p.phone, a.id AS account_id INTO payee
          FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'user_wallet' AND a.currency = p_currency
          WHERE p.phone = p_payee_ref;
      ELSE
        SELECT p.id, p.status, p.kyc_tier, p.display_name, p.phone, a.id AS account_id INTO payee
          FROM merchants mc JOIN parties p ON p.id = mc.party_id
          JOIN ledger_accounts a ON a.party_id = p.id AND a.type = 'merchant' AND a.currency = p_currency
          WHERE mc.code = p_payee_ref;
      END IF;

      IF p_request IS NOT NULL AND (req_id IS NULL OR req_merchant IS DISTINCT FROM payee.id) THEN v_outcome := 'unknown_request';
      ELSIF p_request IS NOT NULL AND req_status <> 'pending' THEN v_outcome := 'request_not_pending';
      ELSIF p_request IS NOT NULL AND req_expires <= now() THEN v_outcome := 'request_expired';
      ELSIF p_request IS NOT NULL AND req_amount <> p_amount THEN v_outcome := 'request_amount_mismatch';
      ELSIF payer.id IS NULL OR payer.status <> 'active' THEN v_outcome := 'payer_locked';
      ELSIF payee.id IS NULL THEN v_outcome := 'unknown_recipient';
      ELSIF payee.id = payer.id THEN v_outcome := 'self_transfer';
      ELSIF payee.status <> 'active' THEN v_outcome := 'recipient_unavailable';
      ELSE
        v_outcome := nullif(spending_check(payer.id, payer.kyc_tier, p_amount, p_currency, p_timezone), 'ok');
        IF v_outcome IS NULL AND p_payee_by = 'phone' THEN
          v_outcome := nullif(balance_cap_check(payee.account_id, payee.kyc_tier, p_amount, p_currency), 'ok');
        END IF;
      END IF;

      IF v_outcome IS NULL THEN
        v_outcome := ledger_post(p_entry, p_tx, 'transfer', p_currency,
          CASE WHEN p_fee > 0 THEN ARRAY[payer.account_id, payee.account_id, p_fee_account] ELSE ARRAY[payer.account_id, payee.account_id] END,
          CASE WHEN p_fee > 0 THEN ARRAY[-(p_amount + p_fee), p_amount, p_fee] ELSE ARRAY[-p_amount, p_amount] END,
          NULL, NULL, p_type);
      END IF;

      IF v_outcome = 'ok' THEN
        INSERT INTO transactions (id, type, status, currency, amount, fee, payer_party_id, payee_party_id,
                                  payer_account_id, payee_account_id, note, reference, created_at, updated_at)
          VALUES (p_tx, p_type, 'completed', p_currency, p_amount, p_fee, payer.id, payee.id,
                  payer.account_id, payee.account_id, p_note, p_reference, v_created, v_created);
        -- Each message names its party and carries its text in every language; gopay_notify picks
        -- the party's language and their SMS preference.
        PERFORM gopay_notify(CASE WHEN m->>'to' = 'payer' THEN payer.id ELSE payee.id END, NULL, m->>'kind',
            gopay_fill(m->>'en', payer.display_name, payee.display_name, payer.phone, payee.phone),
            gopay_fill(m->>'sw', payer.display_name, payee.display_name, payer.phone, payee.phone), false)
          FROM jsonb_array_elements(p_messages) m;
        IF p_request IS NOT NULL THEN
          UPDATE payment_requests SET status = 'paid', paid_transaction_id = p_tx, paid_at = v_created WHERE id = p_request;
        END IF;
        v_answer := jsonb_build_object('status', 201, 'body', jsonb_build_object(
          'id', p_tx, 'type', p_type, 'status', 'completed', 'amount', p_amount, 'fee', p_fee, 'currency', p_currency,
          'createdAt', to_char(v_created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
      ELSE
        v_answer := p_answers->v_outcome;
        IF v_answer IS NULL THEN RAISE EXCEPTION 'no answer given for outcome %', v_outcome; END IF;
      END IF;
      INSERT INTO idempotency_keys (principal_id, key, request_hash, status_code, response)
        VALUES (p_principal, p_key, p_fingerprint, (v_answer->>'status')::smallint, v_answer->'body')
        ON CONFLICT DO NOTHING;
      IF NOT FOUND THEN
        -- The key was taken meanwhile through another route's claim: undo everything.
        RAISE EXCEPTION 'idempotency key % taken by another request', p_key USING ERRCODE = 'GP409';
      END IF;
      RETURN v_answer || '{"replayed": false}';
    END $$;
  `)
  await knex('fee_tariffs').insert([
    // Paying out to a bank account: a flat 30.00.
    {
      transaction_type: 'bank_payout',
      currency: 'KES',
      min_amount: 1,
      max_amount: 100_000_000,
      fee_fixed: 3000,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 0,
    },
    // A merchant's settlement to its bank: 0.5%.
    {
      transaction_type: 'merchant_settlement',
      currency: 'KES',
      min_amount: 1,
      max_amount: 10_000_000_000,
      fee_fixed: 0,
      fee_bps: 50,
      commission_fixed: 0,
      commission_bps: 0,
    },
    // An agent moving float between its bank and GoPay: free.
    {
      transaction_type: 'float_top_up',
      currency: 'KES',
      min_amount: 1,
      max_amount: 10_000_000_000,
      fee_fixed: 0,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 0,
    },
    {
      transaction_type: 'float_withdrawal',
      currency: 'KES',
      min_amount: 1,
      max_amount: 10_000_000_000,
      fee_fixed: 0,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 0,
    },
    // Money in from a bank account: free.
    {
      transaction_type: 'bank_deposit',
      currency: 'KES',
      min_amount: 1,
      max_amount: 100_000_000,
      fee_fixed: 0,
      fee_bps: 0,
      commission_fixed: 0,
      commission_bps: 0,
    },
  ])
}

export async function down(knex: Knex): Promise<void> {
  await knex('fee_tariffs')
    .whereIn('transaction_type', [
      'bank_payout',
      'merchant_settlement',
      'float_top_up',
      'float_withdrawal',
      'bank_deposit',
    ])
    .delete()
  await knex.raw(`
    ${walletPaymentV1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')}
    DROP FUNCTION gopay_fill(text, text, text, text, text);
    DROP FUNCTION gopay_notify(uuid, text, text, text, text, boolean);
    ALTER TABLE outbox DROP COLUMN enqueued_at;
    DROP TABLE notifications, bank_events, partner_calls, ussd_sessions;
    ALTER TABLE billers DROP COLUMN settlement_bank_account;
  `)
}
