-- The liabilities report (GET /api/admin/reports/liabilities) sums every affiliate's balance. Deriving that from
-- ledger_commission on every request reads the whole ledger (1 000 000 commissions: over the 200 ms budget, see
-- bench/liabilities-report.md), so the inputs of the balance formula are rolled up per affiliate here.
--
-- ledger_totals holds the formula's inputs, not a balance: available is still computed on read
-- (BalanceCalculator.Totals#balance) from pending, earned, clawbacks, reserved and paid_out. The rows are kept by
-- statement-level triggers on ledger_commission and payout, so they change in the same transaction as the rows they
-- sum, whichever code (or SQL repair, or bulk load) writes those. TRUNCATE bypasses triggers: after one, run
-- SELECT ledger_totals_rebuild(). GET /api/affiliate/balance still reads the rows themselves (a payout is decided
-- on them under the affiliate's lock); the tests prove that both agree.
CREATE TABLE ledger_totals (
    affiliate_id UUID PRIMARY KEY,
    pending      BIGINT NOT NULL DEFAULT 0,   -- Σ amount of commissions in PENDING
    earned       BIGINT NOT NULL DEFAULT 0,   -- Σ amount of commissions in AVAILABLE or CLAWED_BACK
    clawbacks    BIGINT NOT NULL DEFAULT 0,   -- Σ clawback_amount of commissions in CLAWED_BACK
    reserved     BIGINT NOT NULL DEFAULT 0,   -- Σ amount of payouts REQUESTED or APPROVED
    paid_out     BIGINT NOT NULL DEFAULT 0    -- Σ amount of payouts PAID
);

-- One statement's change: the new rows count +1, the old rows -1 (an UPDATE has both). The transition tables are
-- visible to EXECUTE; which of them exist depends on the operation, hence the dynamic source.
CREATE FUNCTION ledger_totals_rows(op TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE op
        WHEN 'INSERT' THEN 'SELECT 1 AS s, n.* FROM new_rows n'
        WHEN 'DELETE' THEN 'SELECT -1 AS s, o.* FROM old_rows o'
        ELSE 'SELECT 1 AS s, n.* FROM new_rows n UNION ALL SELECT -1, o.* FROM old_rows o'
    END
$$;

CREATE FUNCTION ledger_totals_from_commissions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        INSERT INTO ledger_totals AS t (affiliate_id, pending, earned, clawbacks)
        SELECT affiliate_id,
               SUM(s * CASE WHEN state = 'PENDING' THEN amount ELSE 0 END),
               SUM(s * CASE WHEN state IN ('AVAILABLE', 'CLAWED_BACK') THEN amount ELSE 0 END),
               SUM(s * CASE WHEN state = 'CLAWED_BACK' THEN clawback_amount ELSE 0 END)
          FROM (%s) r
         GROUP BY affiliate_id
        HAVING SUM(s * CASE WHEN state = 'PENDING' THEN amount ELSE 0 END) <> 0
            OR SUM(s * CASE WHEN state IN ('AVAILABLE', 'CLAWED_BACK') THEN amount ELSE 0 END) <> 0
            OR SUM(s * CASE WHEN state = 'CLAWED_BACK' THEN clawback_amount ELSE 0 END) <> 0
         ORDER BY affiliate_id
        ON CONFLICT (affiliate_id) DO UPDATE SET pending = t.pending + EXCLUDED.pending,
            earned = t.earned + EXCLUDED.earned, clawbacks = t.clawbacks + EXCLUDED.clawbacks$q$,
        ledger_totals_rows(TG_OP));
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_totals_from_payouts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        INSERT INTO ledger_totals AS t (affiliate_id, reserved, paid_out)
        SELECT affiliate_id,
               SUM(s * CASE WHEN status IN ('REQUESTED', 'APPROVED') THEN amount ELSE 0 END),
               SUM(s * CASE WHEN status = 'PAID' THEN amount ELSE 0 END)
          FROM (%s) r
         GROUP BY affiliate_id
        HAVING SUM(s * CASE WHEN status IN ('REQUESTED', 'APPROVED') THEN amount ELSE 0 END) <> 0
            OR SUM(s * CASE WHEN status = 'PAID' THEN amount ELSE 0 END) <> 0
         ORDER BY affiliate_id
        ON CONFLICT (affiliate_id) DO UPDATE SET reserved = t.reserved + EXCLUDED.reserved,
            paid_out = t.paid_out + EXCLUDED.paid_out$q$,
        ledger_totals_rows(TG_OP));
    RETURN NULL;
END $$;

-- A trigger with transition tables serves one event, hence three per table.
CREATE TRIGGER ledger_totals_commission_insert AFTER INSERT ON ledger_commission
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_from_commissions();
CREATE TRIGGER ledger_totals_commission_update AFTER UPDATE ON ledger_commission
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_from_commissions();
CREATE TRIGGER ledger_totals_commission_delete AFTER DELETE ON ledger_commission
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_from_commissions();

CREATE TRIGGER ledger_totals_payout_insert AFTER INSERT ON payout
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_from_payouts();
CREATE TRIGGER ledger_totals_payout_update AFTER UPDATE ON payout
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_from_payouts();
CREATE TRIGGER ledger_totals_payout_delete AFTER DELETE ON payout
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_from_payouts();

-- Recomputes every row from scratch (after a TRUNCATE or a bulk load with triggers disabled); also fills the
-- table for the rows that existed before this migration.
CREATE FUNCTION ledger_totals_rebuild() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    affected BIGINT;
BEGIN
    LOCK TABLE ledger_totals IN EXCLUSIVE MODE;
    DELETE FROM ledger_totals;
    INSERT INTO ledger_totals (affiliate_id, pending, earned, clawbacks, reserved, paid_out)
    SELECT affiliate_id, SUM(p), SUM(e), SUM(c), SUM(r), SUM(d) FROM (
        SELECT affiliate_id,
               SUM(CASE WHEN state = 'PENDING' THEN amount ELSE 0 END) AS p,
               SUM(CASE WHEN state IN ('AVAILABLE', 'CLAWED_BACK') THEN amount ELSE 0 END) AS e,
               SUM(CASE WHEN state = 'CLAWED_BACK' THEN clawback_amount ELSE 0 END) AS c,
               0 AS r, 0 AS d
          FROM ledger_commission GROUP BY affiliate_id
        UNION ALL
        SELECT affiliate_id, 0, 0, 0,
               SUM(CASE WHEN status IN ('REQUESTED', 'APPROVED') THEN amount ELSE 0 END),
               SUM(CASE WHEN status = 'PAID' THEN amount ELSE 0 END)
          FROM payout GROUP BY affiliate_id) parts
     GROUP BY affiliate_id;
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN affected;
END $$;
SELECT ledger_totals_rebuild();

-- paidThisMonth: the PAID payouts of one month, read from the index alone.
CREATE INDEX payout_paid_by_time ON payout (paid_at) INCLUDE (amount) WHERE status = 'PAID';
