-- Loyalty rewards (issue 12): a catalogue bought with points, spent through the ledger of V5 (README "Loyalty rewards").

-- stock is how many may be redeemed in all (null = unlimited); redeemed counts the live redemptions and is raised only
-- by "UPDATE ... WHERE stock IS NULL OR redeemed < stock", like coupon.used, so the stock holds under concurrency.
CREATE TABLE loyalty_reward (
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description  TEXT,
    points_cost  BIGINT      NOT NULL CHECK (points_cost > 0),
    kind         TEXT        NOT NULL CHECK (kind IN ('DISCOUNT', 'COUPON')),
    value        BIGINT      NOT NULL CHECK (value > 0),   -- rupiah off (DISCOUNT) or the coupon's amount (COUPON)
    stock        INT CHECK (stock >= 0),
    redeemed     INT         NOT NULL DEFAULT 0 CHECK (redeemed >= 0),
    valid_from   TIMESTAMPTZ,
    valid_until  TIMESTAMPTZ,
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (stock IS NULL OR redeemed <= stock),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until)
);
CREATE INDEX loyalty_reward_listing ON loyalty_reward (created_at DESC, id);

-- One spend of points on a reward: its REDEEM ledger entry carries this id (spent once by loyalty_entry_redeem_once),
-- its RETURN entry too (returned once). A checkout redemption belongs to its order; a coupon redemption to its coupon.
CREATE TABLE loyalty_redemption (
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL,
    reward_id    UUID        NOT NULL REFERENCES loyalty_reward (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('DISCOUNT', 'COUPON')),
    points       BIGINT      NOT NULL CHECK (points > 0),
    value        BIGINT      NOT NULL CHECK (value >= 0),  -- rupiah actually given (a checkout discount is capped)
    order_id     UUID UNIQUE REFERENCES customer_order (id),
    coupon_id    UUID UNIQUE REFERENCES coupon (id),
    created_at   TIMESTAMPTZ NOT NULL,
    returned_at  TIMESTAMPTZ,   -- its order was cancelled or expired: points and stock given back
    CHECK ((kind = 'DISCOUNT') = (order_id IS NOT NULL)),
    CHECK ((kind = 'COUPON') = (coupon_id IS NOT NULL))
);
CREATE INDEX loyalty_redemption_by_user ON loyalty_redemption (user_id, created_at DESC);

-- A coupon issued by a reward belongs to one customer: nobody else can redeem (or even see) it.
ALTER TABLE coupon ADD COLUMN owner_user_id UUID;
CREATE INDEX coupon_owner ON coupon (owner_user_id) WHERE owner_user_id IS NOT NULL;

-- The points part of an order's discount (discount = coupon's + points'), so invoices can name both.
ALTER TABLE customer_order ADD COLUMN points_discount BIGINT NOT NULL DEFAULT 0 CHECK (points_discount >= 0);
ALTER TABLE customer_order ADD CONSTRAINT customer_order_points_within_discount CHECK (points_discount <= discount);

-- POST /api/loyalty/rewards/{id}/redeem claims its Idempotency-Key in the same table as POST /api/orders.
ALTER TABLE order_idempotency ADD COLUMN redemption_id UUID REFERENCES loyalty_redemption (id);
ALTER TABLE order_idempotency ADD CONSTRAINT order_idempotency_one_result CHECK (order_id IS NULL OR redemption_id IS NULL);
