-- The catalogue cache (README "Catalogue cache"): every replica keeps the rendered product lists and details in
-- memory and LISTENs on commerce_catalogue; each notification drops a replica's whole cache. pg_notify runs in the
-- changing transaction, so it is delivered only if and when that transaction commits, whoever made the change
-- (admin API, image upload, a script in psql, a truncate in tests).
--
-- Not notified: an update that changes only stock (and updated_at) without the product selling out or coming back
-- in stock, i.e. what every order, cancel and expiry does. PostgreSQL serializes the commits of notifying
-- transactions (one lock on the notification queue, held through the commit and its WAL flush), which would put every
-- checkout's commit in one queue (bench/catalogue.md: not measurable on the bench's embedded PostgreSQL). Such a stock
-- figure reaches other replicas by the cache's TTL (5 s, the documented lag of the stock shown); the replica that took
-- the order clears at its own commit, and checkout always checks the real row.
CREATE FUNCTION notify_catalogue_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('commerce_catalogue', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER product_added_or_removed
    AFTER INSERT OR DELETE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();

CREATE TRIGGER product_truncated
    AFTER TRUNCATE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();

-- Row-level for its condition: the row as JSON without stock, updated_at and the generated search column, so a
-- column added later notifies by default. Identical notifications of one transaction are folded into one.
CREATE TRIGGER product_changed
    AFTER UPDATE ON product
    FOR EACH ROW
    WHEN (to_jsonb(OLD) - 'stock' - 'updated_at' - 'search' IS DISTINCT FROM to_jsonb(NEW) - 'stock' - 'updated_at' - 'search'
          OR (OLD.stock > 0) IS DISTINCT FROM (NEW.stock > 0))
    EXECUTE FUNCTION notify_catalogue_changed();
