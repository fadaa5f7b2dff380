import type { Knex } from 'knex'

export const name = '0017_dashboard_rollups'

/*
 * The dashboard's figures over long periods (issue 10: p95 < 300 ms on a million transactions), kept
 * exact. Closed days (ended more than two hours ago) are rolled up by the dashboard itself when it first
 * reads them; the open tail (today) is always computed live. Nothing is added to the payment path but
 * two row triggers whose WHEN clause is false for any transaction younger than an hour: only a change to
 * an old transaction (a reversal, a late settlement, a back-dated insert) runs them, and they throw away
 * the rolled-up days it touches so the next read recomputes them.
 *
 * - dashboard_days / dashboard_day_totals: per time zone and local day, counts and sums by currency, type
 *   and status (a day is rolled up when its dashboard_days row exists).
 * - dashboard_party_days: per time zone, each (user party, local day) on which the party paid anything,
 *   with the party's previous such day. The active users of [A, B] are then the rows in [A, B] whose
 *   previous day is before A (each party's first day in the period): a count, not a distinct.
 *   dashboard_party_watermark says through which day the table is complete.
 * All writes to these tables and the invalidation take one advisory lock, so a roll-up never stores a
 * day from a snapshot older than an invalidation.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE dashboard_days (
      zone text NOT NULL,
      day date NOT NULL,
      PRIMARY KEY (zone, day)
    );
    CREATE TABLE dashboard_day_totals (
      zone text NOT NULL,
      day date NOT NULL,
      currency char(3) NOT NULL,
      type text NOT NULL,
      status text NOT NULL,
      count bigint NOT NULL,
      amount bigint NOT NULL,
      fee bigint NOT NULL,
      PRIMARY KEY (zone, day, currency, type, status),
      FOREIGN KEY (zone, day) REFERENCES dashboard_days ON DELETE CASCADE
    );
    CREATE TABLE dashboard_party_watermark (
      zone text PRIMARY KEY,
      through date NOT NULL
    );
    CREATE TABLE dashboard_party_days (
      zone text NOT NULL,
      party_id uuid NOT NULL,
      day date NOT NULL,
      prev_day date,
      PRIMARY KEY (zone, party_id, day)
    );
    CREATE INDEX dashboard_party_days_day ON dashboard_party_days (zone, day) INCLUDE (prev_day);

    CREATE FUNCTION dashboard_forget(p_at timestamptz, p_parties boolean) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('dashboard_rollups'));
      DELETE FROM dashboard_days d WHERE d.day = (p_at AT TIME ZONE d.zone)::date;
      IF NOT p_parties THEN RETURN; END IF;
      -- Party days after the changed day are recomputed from the day before it.
      DELETE FROM dashboard_party_days pd USING dashboard_party_watermark w
        WHERE pd.zone = w.zone AND pd.day >= (p_at AT TIME ZONE w.zone)::date;
      UPDATE dashboard_party_watermark w SET through = (p_at AT TIME ZONE w.zone)::date - 1
        WHERE w.through >= (p_at AT TIME ZONE w.zone)::date;
    END $$;
    CREATE FUNCTION dashboard_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A status change (a reversal, a settlement) leaves the paying parties as they were.
      IF TG_OP = 'UPDATE' THEN
        PERFORM dashboard_forget(OLD.created_at, (OLD.created_at, OLD.payer_party_id)
          IS DISTINCT FROM (NEW.created_at, NEW.payer_party_id));
        IF NEW.created_at IS DISTINCT FROM OLD.created_at THEN PERFORM dashboard_forget(NEW.created_at, true); END IF;
      ELSIF TG_OP = 'DELETE' THEN PERFORM dashboard_forget(OLD.created_at, true);
      ELSE PERFORM dashboard_forget(NEW.created_at, true);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER transactions_dashboard_backdated AFTER INSERT ON transactions FOR EACH ROW
      WHEN (NEW.created_at < now() - interval '1 hour')
      EXECUTE FUNCTION dashboard_history_changed();
    CREATE TRIGGER transactions_dashboard_changed AFTER UPDATE OR DELETE ON transactions FOR EACH ROW
      WHEN (OLD.created_at < now() - interval '1 hour')
      EXECUTE FUNCTION dashboard_history_changed();
  `)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER transactions_dashboard_backdated ON transactions;
    DROP TRIGGER transactions_dashboard_changed ON transactions;
    DROP FUNCTION dashboard_history_changed();
    DROP FUNCTION dashboard_forget(timestamptz, boolean);
    DROP TABLE dashboard_party_days, dashboard_party_watermark, dashboard_day_totals, dashboard_days;
  `)
}
