-- Platform tables every service has in its own schema: the transactional outbox and the inbox.
-- Platform migrations are numbered 0.x so they sort before any service's own (V1, V2, ...).

-- One row per event and destination: each subscriber progresses, retries and dead-letters on its own.
CREATE TABLE outbox (
    id              UUID PRIMARY KEY,
    -- Recording order. Only used to order events of one aggregate, never as a "last seen" cursor:
    -- sequence values become visible out of order when transactions commit out of order.
    seq             BIGSERIAL NOT NULL UNIQUE,
    event_id        UUID        NOT NULL,
    destination     TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    aggregate_id    TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    version         INT         NOT NULL DEFAULT 1,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_owner     UUID,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    dead_at         TIMESTAMPTZ,
    UNIQUE (event_id, destination)
);

-- The relay looks only at undelivered rows, per destination and aggregate in recording order.
CREATE INDEX outbox_undelivered ON outbox (destination, aggregate_id, seq) WHERE status <> 'SENT';
-- Retention deletes delivered rows by age.
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE status = 'SENT';

-- Events this service has applied; the insert shares the transaction of the handler's effect.
CREATE TABLE inbox (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    source      TEXT,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX inbox_received_at ON inbox (received_at);
