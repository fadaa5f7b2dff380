import type { Knex } from 'knex'

export const name = '0012_numbers_and_balance_texts'

/*
 * Agent numbers and till numbers are digits only, as typed on a phone keypad. A code from before
 * (the demo's AG001 and MC001, which outside checks still use) is kept as the alias of the number it
 * becomes; lookups take the number or the alias.
 *
 * Texts after a payment give the new balance: `{balance}` in a notification is filled, in the same
 * transaction as the payment, with what the notified party's own account (wallet, float or till) can
 * spend now.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE agents ADD COLUMN alias text UNIQUE CHECK (alias ~ '^[A-Z0-9]{3,12}$');
    ALTER TABLE merchants ADD COLUMN alias text UNIQUE CHECK (alias ~ '^[A-Z0-9]{3,12}$');

    DO $$
    DECLARE r record; n bigint;
    BEGIN
      n := 200000;
      FOR r IN SELECT party_id, code FROM agents WHERE code !~ '^[0-9]{5,8}$' ORDER BY code LOOP
        LOOP n := n + 1; EXIT WHEN NOT EXISTS (SELECT 1 FROM agents WHERE code = n::text); END LOOP;
        UPDATE agents SET alias = r.code, code = n::text WHERE party_id = r.party_id;
      END LOOP;
      n := 500000;
      FOR r IN SELECT party_id, code FROM merchants WHERE code !~ '^[0-9]{5,8}$' ORDER BY code LOOP
        LOOP n := n + 1; EXIT WHEN NOT EXISTS (SELECT 1 FROM merchants WHERE code = n::text); END LOOP;
        UPDATE merchants SET alias = r.code, code = n::text WHERE party_id = r.party_id;
      END LOOP;
    END $$;

    ALTER TABLE agents ADD CONSTRAINT agents_number_digits CHECK (code ~ '^[0-9]{5,8}$');
    ALTER TABLE merchants ADD CONSTRAINT merchants_number_digits CHECK (code ~ '^[0-9]{5,8}$');

    -- 150050, 'KES' -> 'KES 1,500.50', as formatMoney writes it.
    CREATE FUNCTION gopay_format_money(p_minor bigint, p_currency text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN p_minor < 0 THEN '-' ELSE '' END || p_currency || ' ' ||
        to_char(abs(p_minor) / 100, 'FM999,999,999,999,999,990') || '.' || lpad((abs(p_minor) % 100)::text, 2, '0')
    $$;

    CREATE OR REPLACE FUNCTION gopay_notify(p_party uuid, p_phone text, p_kind text, p_en text, p_sw text, p_always_sms boolean)
      RETURNS void LANGUAGE plpgsql AS $$
    DECLARE v_party uuid; v_phone text; v_lang text; v_sms boolean; v_id bigint; v_body text; v_kind text;
      v_balance text;
    BEGIN
      SELECT id, phone, language, notify_by_sms, kind INTO v_party, v_phone, v_lang, v_sms, v_kind FROM parties
        WHERE (p_party IS NOT NULL AND id = p_party) OR (p_party IS NULL AND phone = p_phone);
      v_lang := coalesce(v_lang, 'en');
      v_sms := coalesce(v_sms, true);
      v_phone := coalesce(v_phone, p_phone);
      v_body := CASE WHEN v_lang = 'sw' AND p_sw IS NOT NULL THEN p_sw ELSE p_en END;
      IF strpos(v_body, '{balance}') > 0 THEN
        -- Read in the caller's transaction, after its postings: the balance this payment left.
        SELECT gopay_format_money(sum(b.available)::bigint, a.currency) INTO v_balance
          FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id
          WHERE v_party IS NOT NULL AND a.party_id = v_party
            AND a.type = CASE v_kind WHEN 'agent' THEN 'agent_float' WHEN 'merchant' THEN 'merchant' ELSE 'user_wallet' END
          GROUP BY a.id, a.currency ORDER BY a.id LIMIT 1;
        v_body := replace(v_body, '{balance}', coalesce(v_balance, '-'));
      END IF;
      v_sms := (v_sms OR p_always_sms) AND v_phone IS NOT NULL;
      INSERT INTO notifications (party_id, phone, kind, language, body, sms_status)
        VALUES (v_party, v_phone, p_kind, v_lang, v_body, CASE WHEN v_sms THEN 'queued' ELSE 'off' END)
        RETURNING id INTO v_id;
      IF v_sms THEN
        INSERT INTO outbox (topic, payload)
          VALUES ('sms.send', jsonb_build_object('to', v_phone, 'message', v_body, 'notificationId', v_id));
      END IF;
    END $$;
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION gopay_notify(p_party uuid, p_phone text, p_kind text, p_en text, p_sw text, p_always_sms boolean)
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
    DROP FUNCTION gopay_format_money(bigint, text);
    ALTER TABLE merchants DROP CONSTRAINT merchants_number_digits;
    ALTER TABLE agents DROP CONSTRAINT agents_number_digits;
    UPDATE agents SET code = alias WHERE alias IS NOT NULL;
    UPDATE merchants SET code = alias WHERE alias IS NOT NULL;
    ALTER TABLE merchants DROP COLUMN alias;
    ALTER TABLE agents DROP COLUMN alias;
  `)
}
