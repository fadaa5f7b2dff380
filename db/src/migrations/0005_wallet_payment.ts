import type { Knex } from 'knex'

export const name = '0005_wallet_payment'

/*
 * A payment out of a user's wallet (P2P, merchant till) as one statement. Every SQL round trip costs
 * the API about half a millisecond of CPU, so the hottest path of the system is one call, atomic on
 * its own (no BEGIN/COMMIT): the session check, the idempotency claim, the payer's lock, the tier
 * limits, the entry, the transaction row, its notifications and the stored answer. The caller passes
 * the fee (from its tariff cache), the notification texts and the answers for each refusal, so the
 * business wording stays in the application.
 *
 * Answers {status, body, replayed}. A refusal after the claim is stored like a success, so a retry
 * under the same key gets the same answer; nothing else is written for it.
 */
/** The first wallet_payment; 0011 replaces its notifications and restores this one when rolled back. */
export const walletPaymentV1 = `
    CREATE FUNCTION wallet_payment(
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
        INSERT INTO outbox (topic, payload)
          SELECT 'sms.send', jsonb_build_object('to', x.phone, 'message',
            replace(replace(replace(replace(x.msg->>'text',
              '{payerName}', payer.display_name), '{payeeName}', payee.display_name),
              '{payerPhone}', gopay_mask_phone(payer.phone)), '{payeePhone}', coalesce(gopay_mask_phone(payee.phone), '')))
          FROM (SELECT m AS msg, CASE WHEN m->>'to' = 'payer' THEN payer.phone ELSE payee.phone END AS phone
                FROM jsonb_array_elements(p_messages) m) x
          WHERE x.phone IS NOT NULL;
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
`

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION gopay_mask_phone(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN length(p) > 9 THEN left(p, length(p) - 6) || '***' || right(p, 3) ELSE p END
    $$;

    -- A party's tier limits for one more outgoing amount. Call it with the party's row locked, so
    -- every earlier payment of the party is visible. Answers 'ok' or the limit it breaks.
    CREATE FUNCTION spending_check(p_party uuid, p_tier smallint, p_amount bigint, p_currency char(3), p_timezone text)
      RETURNS text LANGUAGE plpgsql AS $$
    DECLARE lim record; v_today bigint; v_month bigint;
    BEGIN
      SELECT * INTO lim FROM tier_limits WHERE tier = p_tier AND currency = p_currency;
      IF NOT FOUND OR p_amount > lim.per_transaction THEN RETURN 'over_transaction_limit'; END IF;
      SELECT coalesce(sum(amount) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE p_timezone) AT TIME ZONE p_timezone), 0)::bigint,
             coalesce(sum(amount), 0)::bigint INTO v_today, v_month
        FROM transactions
        WHERE payer_party_id = p_party AND status IN ('pending', 'completed')
          AND created_at >= date_trunc('month', now() AT TIME ZONE p_timezone) AT TIME ZONE p_timezone;
      IF v_today + p_amount > lim.daily THEN RETURN 'over_daily_limit'; END IF;
      IF v_month + p_amount > lim.monthly THEN RETURN 'over_monthly_limit'; END IF;
      RETURN 'ok';
    END $$;

    -- Whether a wallet of tier p_tier may receive p_amount more without passing its maximum balance.
    CREATE FUNCTION balance_cap_check(p_account bigint, p_tier smallint, p_amount bigint, p_currency char(3))
      RETURNS text LANGUAGE plpgsql AS $$
    DECLARE v_cap bigint; v_balance bigint;
    BEGIN
      SELECT max_balance INTO v_cap FROM tier_limits WHERE tier = p_tier AND currency = p_currency;
      SELECT sum(available + held) INTO v_balance FROM ledger_balances WHERE account_id = p_account;
      RETURN CASE WHEN v_cap IS NOT NULL AND v_balance + p_amount > v_cap THEN 'recipient_balance_limit' ELSE 'ok' END;
    END $$;

    ${walletPaymentV1}
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION wallet_payment(uuid, uuid, text, text, text, text, text, bigint, bigint, char, text, text, text, uuid, uuid, bigint, jsonb, jsonb, uuid);
    DROP FUNCTION balance_cap_check(bigint, smallint, bigint, char), spending_check(uuid, smallint, bigint, char, text);
    DROP FUNCTION gopay_mask_phone(text);
  `)
}
