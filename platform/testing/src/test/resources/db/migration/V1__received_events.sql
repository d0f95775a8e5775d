-- What the test consumer applied, in the order it applied it.
CREATE TABLE received_events (
    received_seq BIGSERIAL PRIMARY KEY,
    event_id     UUID NOT NULL,
    aggregate_id TEXT NOT NULL,
    n            INT  NOT NULL
);
