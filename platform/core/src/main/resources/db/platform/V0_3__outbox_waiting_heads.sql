-- Issue 9 (kill -9 system test): a destination that answers again is served at once, not after its backoff.

-- Heads that failed and wait out a backoff (attempts > 0: only a head is ever attempted). The relay probes one of
-- them per destination every probe-interval, and makes them all due as soon as the destination answers again;
-- both read only this index, however large the backlog queued behind those heads.
CREATE INDEX outbox_waiting ON outbox (destination, next_attempt_at) WHERE status = 'PENDING' AND attempts > 0;
