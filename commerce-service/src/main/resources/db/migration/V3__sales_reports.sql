-- Issue 11: the admin reports (package reports). The sales report reads closed Jakarta days from a rollup that the
-- sales-rollup job writes once per day, and the days after it live from the orders through the indexes below.

-- --- Indexes of the live part: each event is counted on the day it happened --------------------------------
-- Placed uses customer_order_created (V1); paid, closed (cancelled/expired/refunded) and refunds need their own.
CREATE INDEX customer_order_paid_at ON customer_order (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX customer_order_closed_at ON customer_order (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX refund_created ON refund (created_at);

-- --- The rollup: one row per closed Jakarta day (order counts and money), one per day and product -----------
-- gross/discounts/paid_total are of the orders PAID that day; refunded_amount is what was refunded that day.
CREATE TABLE sales_daily (
    day             DATE   PRIMARY KEY,
    placed          BIGINT NOT NULL,
    paid            BIGINT NOT NULL,
    cancelled       BIGINT NOT NULL,
    expired         BIGINT NOT NULL,
    refunded        BIGINT NOT NULL,
    gross           BIGINT NOT NULL,
    discounts       BIGINT NOT NULL,
    paid_total      BIGINT NOT NULL,
    refunded_amount BIGINT NOT NULL,
    -- paid_total - refunded_amount split by the lines' category (sums of sales_daily_product, kept here so that a
    -- year of periods is 365 rows)
    sapi            BIGINT NOT NULL DEFAULT 0,
    kambing         BIGINT NOT NULL DEFAULT 0,
    domba           BIGINT NOT NULL DEFAULT 0
);

-- Lines of orders paid that day (paid_*) and of orders refunded that day (refunded_*), per product and the
-- line's category snapshot (a product's category may be edited later; the sale keeps the one it was sold as).
CREATE TABLE sales_daily_product (
    day             DATE   NOT NULL,
    product_id      UUID   NOT NULL,
    category        TEXT   NOT NULL,
    paid_quantity   BIGINT NOT NULL,
    paid_amount     BIGINT NOT NULL,
    refunded_quantity BIGINT NOT NULL,
    refunded_amount BIGINT NOT NULL,
    PRIMARY KEY (day, product_id, category)
);

-- Every day up to rolled_through is in the rollup (a day without a row had no sales); later days are live.
CREATE TABLE sales_rollup_state (
    id             INT  PRIMARY KEY CHECK (id = 1),
    rolled_through DATE
);
INSERT INTO sales_rollup_state (id, rolled_through) VALUES (1, NULL);

-- --- The pipeline report -----------------------------------------------------------------------------------
-- When the order entered its current status: written by the database on every status change (all writers,
-- including SQL), so the oldest waiting orders are an index range, not a search through the tracking history.
ALTER TABLE customer_order ADD COLUMN status_since TIMESTAMPTZ;
UPDATE customer_order o SET status_since = COALESCE(
    (SELECT min(t.at) FROM order_tracking t WHERE t.order_id = o.id AND t.status = o.status),
    o.closed_at, o.completed_at, o.paid_at, o.created_at);
ALTER TABLE customer_order ALTER COLUMN status_since SET NOT NULL;
CREATE INDEX customer_order_waiting ON customer_order (status_since, id)
    WHERE status IN ('PAID', 'PROCESSING', 'DISTRIBUTED');

-- Count and value per status now, without a GROUP BY over every order: each insert, status or total change
-- appends signed deltas (insert-only, so concurrent orders never wait on one counter row); the report sums
-- them per status, and the sales-rollup job folds them into one row per status.
CREATE TABLE order_status_tally (
    status TEXT   NOT NULL,
    orders BIGINT NOT NULL,
    value  BIGINT NOT NULL
);
CREATE INDEX order_status_tally_status ON order_status_tally (status);
INSERT INTO order_status_tally (status, orders, value)
    SELECT status, count(*), COALESCE(sum(total), 0) FROM customer_order GROUP BY status;

CREATE FUNCTION customer_order_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.status_since := COALESCE(NEW.status_since, NEW.created_at);
    ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status_since IS NOT DISTINCT FROM OLD.status_since THEN
        NEW.status_since := now();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER customer_order_status_since BEFORE INSERT OR UPDATE ON customer_order
    FOR EACH ROW EXECUTE FUNCTION customer_order_status_since();

CREATE FUNCTION customer_order_status_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO order_status_tally VALUES (NEW.status, 1, NEW.total);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO order_status_tally VALUES (OLD.status, -1, -OLD.total);
    ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW.total IS DISTINCT FROM OLD.total THEN
        INSERT INTO order_status_tally VALUES (OLD.status, -1, -OLD.total), (NEW.status, 1, NEW.total);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_order_status_tally AFTER INSERT OR UPDATE OR DELETE ON customer_order
    FOR EACH ROW EXECUTE FUNCTION customer_order_status_tally();
