-- Issue 9: retry by age instead of by attempts, and claims that read only due rows.

-- When the row first failed: it is DEAD once it has been undeliverable for qutab.outbox.relay.max-age.
ALTER TABLE outbox ADD COLUMN failing_since TIMESTAMPTZ;

-- The claim reads due rows in due order and nothing else: rows waiting out a backoff, rows parked behind an
-- undelivered head (next_attempt_at moved to when that head can move) and DEAD rows stay out of its way.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'PENDING';

-- Bulk replay of one destination's dead letters.
CREATE INDEX outbox_dead ON outbox (destination, id) WHERE status = 'DEAD';

-- Rows queued behind an undelivered head before this version were never parked; the relay parks them as it
-- meets them (a few hundred per round), so no update of the whole backlog is needed here.
