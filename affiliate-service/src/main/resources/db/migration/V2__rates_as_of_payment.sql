-- A commission is decided by the rules and the affiliate's tier as they were when the order was paid, not when
-- its paid event happens to be processed (a dead letter replayed days later, a consumer that was down). So rule
-- and tier changes are kept as history, each effective from the moment it was committed, never overwritten.
-- Triggers write the history: every writer (admin CRUD, the tier recalculation job, the foreign key that moves
-- affiliates off a deleted tier, an operator's SQL) is covered without having to remember it.
-- What existed before this migration is taken as valid since always ('-infinity'): the best knowledge we have.

-- --- Commission rules, by category ---------------------------------------------------------------------------
CREATE TABLE commission_rule_history (
    id                   BIGSERIAL PRIMARY KEY,          -- orders changes made in the same transaction
    category             TEXT        NOT NULL,
    rate_bps             INT,
    flat_amount_per_unit BIGINT,
    active               BOOLEAN     NOT NULL,           -- false: no rule for the category from then on
    effective_from       TIMESTAMPTZ NOT NULL
);
CREATE INDEX commission_rule_history_as_of ON commission_rule_history (category, effective_from DESC, id DESC);

INSERT INTO commission_rule_history (category, rate_bps, flat_amount_per_unit, active, effective_from)
SELECT category, rate_bps, flat_amount_per_unit, active, '-infinity' FROM commission_rule ORDER BY category;

CREATE FUNCTION commission_rule_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.category <> NEW.category) THEN
        INSERT INTO commission_rule_history (category, rate_bps, flat_amount_per_unit, active, effective_from)
        VALUES (OLD.category, NULL, NULL, FALSE, now());
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO commission_rule_history (category, rate_bps, flat_amount_per_unit, active, effective_from)
        VALUES (NEW.category, NEW.rate_bps, NEW.flat_amount_per_unit, NEW.active, now());
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER commission_rule_history AFTER INSERT OR UPDATE OR DELETE ON commission_rule
    FOR EACH ROW EXECUTE FUNCTION commission_rule_history_record();

-- --- Tier bonuses -------------------------------------------------------------------------------------------
-- No foreign key: a deleted tier's past bonus still decides the orders paid while affiliates were on it.
CREATE TABLE tier_bonus_history (
    id             BIGSERIAL PRIMARY KEY,
    tier_id        UUID        NOT NULL,
    bonus_bps      INT         NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL
);
CREATE INDEX tier_bonus_history_as_of ON tier_bonus_history (tier_id, effective_from DESC, id DESC);

INSERT INTO tier_bonus_history (tier_id, bonus_bps, effective_from)
SELECT id, bonus_bps, '-infinity' FROM tier ORDER BY min_sales_90d;

CREATE FUNCTION tier_bonus_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tier_bonus_history (tier_id, bonus_bps, effective_from) VALUES (NEW.id, NEW.bonus_bps, now());
    RETURN NULL;
END $$;
CREATE TRIGGER tier_bonus_created AFTER INSERT ON tier
    FOR EACH ROW EXECUTE FUNCTION tier_bonus_history_record();
CREATE TRIGGER tier_bonus_changed AFTER UPDATE OF bonus_bps ON tier
    FOR EACH ROW WHEN (OLD.bonus_bps IS DISTINCT FROM NEW.bonus_bps) EXECUTE FUNCTION tier_bonus_history_record();

-- --- The tier each affiliate was on -------------------------------------------------------------------------
CREATE TABLE affiliate_tier_history (
    id             BIGSERIAL PRIMARY KEY,
    affiliate_id   UUID        NOT NULL,
    tier_id        UUID,                                 -- null: on no tier (no bonus)
    effective_from TIMESTAMPTZ NOT NULL
);
CREATE INDEX affiliate_tier_history_as_of ON affiliate_tier_history (affiliate_id, effective_from DESC, id DESC);

INSERT INTO affiliate_tier_history (affiliate_id, tier_id, effective_from)
SELECT id, tier_id, '-infinity' FROM affiliate WHERE tier_id IS NOT NULL ORDER BY id;

CREATE FUNCTION affiliate_tier_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO affiliate_tier_history (affiliate_id, tier_id, effective_from) VALUES (NEW.id, NEW.tier_id, now());
    RETURN NULL;
END $$;
CREATE TRIGGER affiliate_tier_set AFTER INSERT ON affiliate
    FOR EACH ROW WHEN (NEW.tier_id IS NOT NULL) EXECUTE FUNCTION affiliate_tier_history_record();
CREATE TRIGGER affiliate_tier_changed AFTER UPDATE OF tier_id ON affiliate
    FOR EACH ROW WHEN (OLD.tier_id IS DISTINCT FROM NEW.tier_id) EXECUTE FUNCTION affiliate_tier_history_record();
