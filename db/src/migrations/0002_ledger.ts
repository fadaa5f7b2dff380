import type { Knex } from 'knex'

export const name = '0002_ledger'

/*
 * The double-entry ledger. Postings are signed: a credit is positive, a debit negative, so every entry
 * sums to zero and an account's balance is credits minus debits.
 *
 * Balances live in ledger_balances, split into shards: a credit touches one shard picked at random, so
 * many payers can credit one hot account (a busy merchant, fee revenue) without queueing on one row lock.
 * A debit of an account that cannot be overdrawn locks all its shards (in order) and drains them.
 * Every shard of such an account is CHECKed non-negative, so the database itself refuses an overdraft.
 *
 * Lock order, everywhere: parties, then holds, then balance rows by (account_id, shard). Nothing takes
 * a lock out of that order, so concurrent entries never deadlock.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE ledger_accounts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL CHECK (type IN ('user_wallet','agent_float','merchant','biller_settlement',
        'bank_settlement','fee_revenue','commission_expense','commission_payable','airtime_provider','suspense')),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      party_id uuid REFERENCES parties(id),
      shard_count smallint NOT NULL DEFAULT 1 CHECK (shard_count BETWEEN 1 AND 64),
      no_overdraft boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (id, currency)
    );
    CREATE UNIQUE INDEX ledger_accounts_party ON ledger_accounts (party_id, type, currency) WHERE party_id IS NOT NULL;
    CREATE UNIQUE INDEX ledger_accounts_system ON ledger_accounts (type, currency) WHERE party_id IS NULL;

    CREATE TABLE ledger_balances (
      account_id bigint NOT NULL REFERENCES ledger_accounts(id),
      shard smallint NOT NULL,
      available bigint NOT NULL DEFAULT 0,
      held bigint NOT NULL DEFAULT 0,
      no_overdraft boolean NOT NULL,
      PRIMARY KEY (account_id, shard),
      CONSTRAINT balance_not_overdrawn CHECK (NOT no_overdraft OR available >= 0),
      CONSTRAINT held_not_negative CHECK (held >= 0),
      CONSTRAINT held_on_first_shard CHECK (held = 0 OR shard = 0)
    );

    CREATE TABLE transactions (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','completed','failed','reversed')),
      currency char(3) NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      fee bigint NOT NULL DEFAULT 0 CHECK (fee >= 0),
      payer_party_id uuid REFERENCES parties(id),
      payee_party_id uuid REFERENCES parties(id),
      payer_account_id bigint REFERENCES ledger_accounts(id),
      payee_account_id bigint REFERENCES ledger_accounts(id),
      reference text,
      note text,
      metadata jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX transactions_payer ON transactions (payer_party_id, created_at DESC, id DESC);
    CREATE INDEX transactions_payee ON transactions (payee_party_id, created_at DESC, id DESC);

    CREATE TABLE journal_entries (
      id uuid PRIMARY KEY,
      transaction_id uuid REFERENCES transactions(id) DEFERRABLE INITIALLY DEFERRED,
      kind text NOT NULL CHECK (kind IN ('transfer','hold_settlement','reversal')),
      currency char(3) NOT NULL,
      reverses_entry_id uuid UNIQUE REFERENCES journal_entries(id),
      hold_id uuid,
      description text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (id, currency),
      CHECK ((kind = 'reversal') = (reverses_entry_id IS NOT NULL))
    );
    CREATE INDEX journal_entries_transaction ON journal_entries (transaction_id);

    -- The composite keys make the database refuse a posting whose currency differs from its entry's or
    -- its account's: one currency per account, no entry across currencies.
    CREATE TABLE postings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      entry_id uuid NOT NULL,
      account_id bigint NOT NULL,
      currency char(3) NOT NULL,
      amount bigint NOT NULL CHECK (amount <> 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (entry_id, currency) REFERENCES journal_entries(id, currency),
      FOREIGN KEY (account_id, currency) REFERENCES ledger_accounts(id, currency)
    );
    CREATE INDEX postings_entry ON postings (entry_id);
    CREATE INDEX postings_account ON postings (account_id, id);

    CREATE TABLE ledger_holds (
      id uuid PRIMARY KEY,
      account_id bigint NOT NULL REFERENCES ledger_accounts(id),
      transaction_id uuid REFERENCES transactions(id) DEFERRABLE INITIALLY DEFERRED,
      amount bigint NOT NULL CHECK (amount > 0),
      status text NOT NULL CHECK (status IN ('pending','posted','voided')),
      expires_at timestamptz NOT NULL,
      settled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ledger_holds_expiring ON ledger_holds (expires_at) WHERE status = 'pending';

    -- Entries and postings are facts: never edited, never deleted. Corrections are reversals.
    CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% rows are immutable; post a reversal instead', TG_TABLE_NAME USING ERRCODE = 'GP010';
    END $$;
    CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
    CREATE TRIGGER postings_immutable BEFORE UPDATE OR DELETE ON postings
      FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
    CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
    CREATE TRIGGER postings_no_truncate BEFORE TRUNCATE ON postings
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

    -- Every statement that adds postings must add, per entry, two or more that sum to zero. Postings
    -- are only ever added whole-entry-at-a-time, so every entry in the table balances.
    CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE bad uuid;
    BEGIN
      SELECT entry_id INTO bad FROM new_postings GROUP BY entry_id
        HAVING sum(amount) <> 0 OR count(*) < 2 LIMIT 1;
      IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % does not balance', bad USING ERRCODE = 'GP001';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER postings_balanced AFTER INSERT ON postings
      REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_balanced();

    -- Creates an account with its balance shards.
    CREATE FUNCTION ledger_open_account(p_type text, p_currency char(3), p_party uuid, p_no_overdraft boolean,
      p_shards smallint DEFAULT 1) RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE v_id bigint;
    BEGIN
      INSERT INTO ledger_accounts (type, currency, party_id, shard_count, no_overdraft)
        VALUES (p_type, p_currency, p_party, p_shards, p_no_overdraft) RETURNING id INTO v_id;
      INSERT INTO ledger_balances (account_id, shard, no_overdraft)
        SELECT v_id, s, p_no_overdraft FROM generate_series(0, p_shards - 1) s;
      RETURN v_id;
    END $$;

    -- One shard at random. Callers draw it into a variable first: a volatile call inside a WHERE is
    -- drawn anew for every row scanned, which would match no shard or several.
    CREATE FUNCTION ledger_pick_shard(p_shards smallint) RETURNS smallint LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      RETURN CASE WHEN p_shards = 1 THEN 0 ELSE floor(random() * p_shards)::smallint END;
    END $$;

    -- Takes p_amount out of an account's available balance, draining shards in order. Raises GP100
    -- when the account cannot be overdrawn and does not hold enough.
    CREATE FUNCTION ledger_take(p_account bigint, p_amount bigint, p_shards smallint, p_no_overdraft boolean)
      RETURNS void LANGUAGE plpgsql AS $$
    DECLARE need bigint := p_amount; take bigint; s record; v_shard smallint;
    BEGIN
      IF NOT p_no_overdraft THEN
        v_shard := ledger_pick_shard(p_shards);
        UPDATE ledger_balances SET available = available - p_amount WHERE account_id = p_account AND shard = v_shard;
        RETURN;
      END IF;
      IF p_shards = 1 THEN
        UPDATE ledger_balances SET available = available - p_amount
          WHERE account_id = p_account AND shard = 0 AND available >= p_amount;
        IF NOT FOUND THEN RAISE EXCEPTION 'insufficient funds' USING ERRCODE = 'GP100'; END IF;
        RETURN;
      END IF;
      FOR s IN SELECT shard, available FROM ledger_balances WHERE account_id = p_account
               ORDER BY shard FOR UPDATE LOOP
        take := least(need, s.available);
        IF take > 0 THEN
          UPDATE ledger_balances SET available = available - take WHERE account_id = p_account AND shard = s.shard;
          need := need - take;
        END IF;
        EXIT WHEN need = 0;
      END LOOP;
      IF need > 0 THEN RAISE EXCEPTION 'insufficient funds' USING ERRCODE = 'GP100'; END IF;
    END $$;

    /*
     * Writes one journal entry: checks it, moves the balances in lock order, inserts entry and postings.
     * With p_hold, the hold's account is debited from what the hold reserved (any rest goes back to
     * available) and the hold becomes posted. Returns 'ok', or an expected failure without writing
     * anything: 'insufficient_funds', 'already_reversed', 'hold_not_pending', 'hold_exceeded'.
     */
    CREATE FUNCTION ledger_post(p_entry uuid, p_transaction uuid, p_kind text, p_currency char(3),
      p_accounts bigint[], p_amounts bigint[], p_reverses uuid DEFAULT NULL, p_hold uuid DEFAULT NULL,
      p_description text DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE r record; h record; hold_account bigint; v_shard smallint; n int := coalesce(array_length(p_accounts, 1), 0);
    BEGIN
      IF n < 2 OR n <> coalesce(array_length(p_amounts, 1), 0) THEN
        RAISE EXCEPTION 'an entry needs two or more postings' USING ERRCODE = 'GP001';
      END IF;
      IF (SELECT sum(a) FROM unnest(p_amounts) a) <> 0 OR EXISTS (SELECT 1 FROM unnest(p_amounts) a WHERE a = 0) THEN
        RAISE EXCEPTION 'postings must be non-zero and sum to zero' USING ERRCODE = 'GP001';
      END IF;
      BEGIN
        IF p_hold IS NOT NULL THEN
          SELECT * INTO h FROM ledger_holds WHERE id = p_hold FOR UPDATE;
          IF NOT FOUND OR h.status <> 'pending' THEN RETURN 'hold_not_pending'; END IF;
          hold_account := h.account_id;
        END IF;
        FOR r IN SELECT a.id, a.currency, a.shard_count, a.no_overdraft, d.delta
                 FROM (SELECT acc, sum(amt)::bigint AS delta FROM unnest(p_accounts, p_amounts) AS u(acc, amt) GROUP BY acc) d
                 JOIN ledger_accounts a ON a.id = d.acc ORDER BY a.id LOOP
          IF r.currency <> p_currency THEN
            RAISE EXCEPTION 'account % is in %, the entry in %', r.id, r.currency, p_currency USING ERRCODE = 'GP002';
          END IF;
          IF r.id = hold_account THEN
            IF r.delta >= 0 OR -r.delta > h.amount THEN RAISE EXCEPTION 'hold exceeded' USING ERRCODE = 'GP101'; END IF;
            UPDATE ledger_balances SET held = held - h.amount, available = available + h.amount + r.delta
              WHERE account_id = r.id AND shard = 0;
          ELSIF r.delta > 0 THEN
            v_shard := ledger_pick_shard(r.shard_count);
            UPDATE ledger_balances SET available = available + r.delta WHERE account_id = r.id AND shard = v_shard;
          ELSIF r.delta < 0 THEN
            PERFORM ledger_take(r.id, -r.delta, r.shard_count, r.no_overdraft);
          END IF;
        END LOOP;
        IF p_hold IS NOT NULL THEN
          IF NOT (hold_account = ANY(p_accounts)) THEN RAISE EXCEPTION 'hold account not in entry' USING ERRCODE = 'GP101'; END IF;
          UPDATE ledger_holds SET status = 'posted', settled_at = now() WHERE id = p_hold;
        END IF;
        INSERT INTO journal_entries (id, transaction_id, kind, currency, reverses_entry_id, hold_id, description)
          VALUES (p_entry, p_transaction, p_kind, p_currency, p_reverses, p_hold, p_description);
        -- An unknown account fails the postings' foreign key here, and the whole call with it.
        INSERT INTO postings (entry_id, account_id, currency, amount)
          SELECT p_entry, acc, p_currency, amt FROM unnest(p_accounts, p_amounts) AS u(acc, amt);
      EXCEPTION
        WHEN SQLSTATE 'GP100' THEN RETURN 'insufficient_funds';
        WHEN SQLSTATE 'GP101' THEN RETURN 'hold_exceeded';
        WHEN unique_violation THEN
          IF p_reverses IS NOT NULL AND EXISTS (SELECT 1 FROM journal_entries WHERE reverses_entry_id = p_reverses) THEN
            RETURN 'already_reversed';
          END IF;
          RAISE;
      END;
      RETURN 'ok';
    END $$;

    -- Reserves p_amount of an account for something an outside party must confirm.
    CREATE FUNCTION ledger_reserve(p_hold uuid, p_account bigint, p_amount bigint, p_expires timestamptz,
      p_transaction uuid DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE a record;
    BEGIN
      IF p_amount <= 0 THEN RAISE EXCEPTION 'a hold must be positive' USING ERRCODE = 'GP001'; END IF;
      SELECT * INTO a FROM ledger_accounts WHERE id = p_account;
      IF NOT FOUND THEN RAISE EXCEPTION 'unknown account' USING ERRCODE = 'GP003'; END IF;
      BEGIN
        -- Shard 0 first: ledger_take locks shards from 0 upward, and the held amount lives on shard 0.
        PERFORM 1 FROM ledger_balances WHERE account_id = p_account AND shard = 0 FOR UPDATE;
        PERFORM ledger_take(p_account, p_amount, a.shard_count, a.no_overdraft);
        UPDATE ledger_balances SET held = held + p_amount WHERE account_id = p_account AND shard = 0;
        INSERT INTO ledger_holds (id, account_id, transaction_id, amount, status, expires_at)
          VALUES (p_hold, p_account, p_transaction, p_amount, 'pending', p_expires);
      EXCEPTION WHEN SQLSTATE 'GP100' THEN RETURN 'insufficient_funds';
      END;
      RETURN 'ok';
    END $$;

    -- Releases a pending hold back to available.
    CREATE FUNCTION ledger_void(p_hold uuid) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE h record;
    BEGIN
      SELECT * INTO h FROM ledger_holds WHERE id = p_hold FOR UPDATE;
      IF NOT FOUND OR h.status <> 'pending' THEN RETURN 'hold_not_pending'; END IF;
      UPDATE ledger_balances SET held = held - h.amount, available = available + h.amount
        WHERE account_id = h.account_id AND shard = 0;
      UPDATE ledger_holds SET status = 'voided', settled_at = now() WHERE id = p_hold;
      RETURN 'ok';
    END $$;
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION ledger_void(uuid), ledger_reserve(uuid, bigint, bigint, timestamptz, uuid),
      ledger_post(uuid, uuid, text, char, bigint[], bigint[], uuid, uuid, text),
      ledger_take(bigint, bigint, smallint, boolean), ledger_pick_shard(smallint), ledger_open_account(text, char, uuid, boolean, smallint);
    DROP TABLE postings, journal_entries, ledger_holds, transactions, ledger_balances, ledger_accounts;
    DROP FUNCTION ledger_check_balanced(), ledger_refuse_change();
  `)
}
