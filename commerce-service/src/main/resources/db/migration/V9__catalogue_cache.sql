-- The catalogue cache (README "Catalogue cache"): every replica keeps the rendered product lists and details in
-- memory and LISTENs on commerce_catalogue. Any change to product rows (admin edits, images, stock taken or released
-- by orders, a script run in psql, a truncate in tests) notifies in its own transaction, so the notification is
-- delivered only if and when that transaction commits, to every replica; each then drops its whole cache.
-- Statement-level: one notification per statement, and PostgreSQL folds identical ones within a transaction.
CREATE FUNCTION notify_catalogue_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('commerce_catalogue', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER product_changed
    AFTER INSERT OR UPDATE OR DELETE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();

CREATE TRIGGER product_truncated
    AFTER TRUNCATE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
