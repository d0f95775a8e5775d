-- Loyalty points (issue 12, DESIGN.md point 9): one append-only ledger per customer, the balance is always the sum
-- of its entries (never stored), like the payout ledger. loyalty_account is the row every writer locks first
-- (SELECT ... FOR UPDATE) so two redemptions of the same points cannot both see the old balance.
CREATE TABLE loyalty_account (
    user_id        UUID PRIMARY KEY,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE loyalty_entry (
    id             UUID PRIMARY KEY,
    user_id        UUID        NOT NULL REFERENCES loyalty_account (user_id),
    type           TEXT        NOT NULL CHECK (type IN ('EARN', 'REDEEM', 'REVERSE', 'EXPIRE', 'ADJUST', 'RETURN')),
    -- credits are positive, debits negative; the sign is checked per type below
    points         BIGINT      NOT NULL CHECK (points <> 0),
    order_id       UUID,
    reward_id      UUID,
    redemption_id  UUID,
    reason         TEXT,
    -- who made an ADJUST (the admin's user id): the audit trail of manual changes
    actor_id       UUID,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (type NOT IN ('EARN', 'RETURN') OR points > 0),
    CHECK (type NOT IN ('REDEEM', 'REVERSE', 'EXPIRE') OR points < 0),
    CHECK (type <> 'ADJUST' OR (reason IS NOT NULL AND actor_id IS NOT NULL))
);

CREATE INDEX loyalty_entry_user_time ON loyalty_entry (user_id, created_at, id);
-- Idempotency by construction: an order earns once and is reversed once, a redemption is spent and returned once,
-- however often the event behind it is delivered.
CREATE UNIQUE INDEX loyalty_entry_earn_once ON loyalty_entry (order_id) WHERE type = 'EARN';
CREATE UNIQUE INDEX loyalty_entry_reverse_once ON loyalty_entry (order_id) WHERE type = 'REVERSE';
CREATE UNIQUE INDEX loyalty_entry_redeem_once ON loyalty_entry (redemption_id) WHERE type = 'REDEEM';
CREATE UNIQUE INDEX loyalty_entry_return_once ON loyalty_entry (redemption_id) WHERE type = 'RETURN';
