-- The admin's affiliate report (GET /api/admin/reports/affiliates): one row per closed Jakarta day for the whole
-- program, so a 365-day report reads 365 rows instead of summing millions of daily_stats rows per request.
-- clicks .. commission are the sums of daily_stats of the day (what the affiliates' dashboards show, same
-- definitions); the commission movements are counted by the day each happened: created (commission.created_at),
-- matured (available_at), voided (voided_at), clawed back (commission_clawback.created_at). Amounts in rupiah.
-- Written by the stats-aggregation job for closed days only (ReportRollup). A row is only ever valid or absent:
-- the triggers below delete the row of every day whose underlying data changes afterwards (a late void, an event
-- replayed days later, a rebuild), and the report computes absent days live from the same indexed tables.
CREATE TABLE report_day (
    day             DATE PRIMARY KEY,
    clicks          BIGINT      NOT NULL,
    unique_clicks   BIGINT      NOT NULL,
    leads           BIGINT      NOT NULL,
    conversions     BIGINT      NOT NULL,
    commission      BIGINT      NOT NULL,
    created_count   BIGINT      NOT NULL,
    created_amount  BIGINT      NOT NULL,
    matured_count   BIGINT      NOT NULL,
    matured_amount  BIGINT      NOT NULL,
    voided_count    BIGINT      NOT NULL,
    voided_amount   BIGINT      NOT NULL,
    clawback_count  BIGINT      NOT NULL,
    clawback_amount BIGINT      NOT NULL,
    rolled_up_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The live part of the report (today, and any day without a valid row) looks a day's movements up by time.
CREATE INDEX commission_created ON commission (created_at) INCLUDE (amount);
CREATE INDEX commission_matured ON commission (available_at) INCLUDE (amount) WHERE available_at IS NOT NULL;
CREATE INDEX commission_voided ON commission (voided_at) INCLUDE (amount) WHERE voided_at IS NOT NULL;
CREATE INDEX commission_clawback_created ON commission_clawback (created_at) INCLUDE (amount);
-- Top affiliates of a range: only the (affiliate, day) rows that earned something, a small part of daily_stats.
CREATE INDEX daily_stats_earning ON daily_stats (day) INCLUDE (affiliate_id, conversions, commission)
    WHERE conversions <> 0 OR commission <> 0;
-- Applications waiting for review, oldest first.
CREATE INDEX affiliate_pending ON affiliate (applied_at) WHERE status = 'PENDING';

-- --- Invalidation ----------------------------------------------------------------------------------------------
-- Each writer takes the stats lock shared (daily_stats writers already hold it); the roll-up holds it exclusively,
-- so a change either commits before the roll-up reads or deletes the row the roll-up wrote. 5338283 = 0x5174AB,
-- AdvisoryLocks.NAMESPACE; 2 = AdvisoryLocks.STATS.
CREATE FUNCTION report_day_forget(days DATE[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(5338283, 2);
    DELETE FROM report_day WHERE day = ANY (days);
END $$;

CREATE FUNCTION jakarta_day(at TIMESTAMPTZ) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$
    SELECT (at AT TIME ZONE 'Asia/Jakarta')::date
$$;

-- daily_stats: statement-level, a click batch touches thousands of rows of one or two days.
CREATE FUNCTION report_day_stats_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_day_forget(ARRAY(SELECT DISTINCT day FROM changed));
    RETURN NULL;
END $$;
CREATE TRIGGER report_day_stats_inserted AFTER INSERT ON daily_stats REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION report_day_stats_changed();
CREATE TRIGGER report_day_stats_updated AFTER UPDATE ON daily_stats REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION report_day_stats_changed();
CREATE TRIGGER report_day_stats_deleted AFTER DELETE ON daily_stats REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION report_day_stats_changed();

-- commission: one row per event; every day any of its report timestamps was or is on.
CREATE FUNCTION report_day_commission_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    days DATE[] := '{}';
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        days := days || ARRAY[jakarta_day(OLD.created_at), jakarta_day(OLD.paid_at), jakarta_day(OLD.available_at),
                              jakarta_day(OLD.voided_at), jakarta_day(OLD.clawback_at)];
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        days := days || ARRAY[jakarta_day(NEW.created_at), jakarta_day(NEW.paid_at), jakarta_day(NEW.available_at),
                              jakarta_day(NEW.voided_at), jakarta_day(NEW.clawback_at)];
    END IF;
    PERFORM report_day_forget(days);
    RETURN NULL;
END $$;
CREATE TRIGGER report_day_commission AFTER INSERT OR DELETE ON commission
    FOR EACH ROW EXECUTE FUNCTION report_day_commission_changed();
-- Updates that move nothing the report counts (payout bookkeeping, updated_at) leave the roll-up alone.
CREATE TRIGGER report_day_commission_updated AFTER UPDATE ON commission
    FOR EACH ROW WHEN ((OLD.amount, OLD.created_at, OLD.paid_at, OLD.available_at, OLD.voided_at, OLD.clawback_at)
        IS DISTINCT FROM (NEW.amount, NEW.created_at, NEW.paid_at, NEW.available_at, NEW.voided_at, NEW.clawback_at))
    EXECUTE FUNCTION report_day_commission_changed();

CREATE FUNCTION report_day_clawback_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_day_forget(ARRAY[jakarta_day(OLD.created_at)]);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM report_day_forget(ARRAY[jakarta_day(NEW.created_at)]);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER report_day_clawback AFTER INSERT OR UPDATE OR DELETE ON commission_clawback
    FOR EACH ROW EXECUTE FUNCTION report_day_clawback_changed();
