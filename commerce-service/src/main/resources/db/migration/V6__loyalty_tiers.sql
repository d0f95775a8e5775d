-- Loyalty tiers (issue 12). The tier table is seeded from qutab.loyalty.tiers.* at the first start
-- (TierSettings) and edited by admins afterwards; a row per tier code, always all three.
CREATE TABLE loyalty_tier (
    code            TEXT PRIMARY KEY CHECK (code IN ('BRONZE', 'SILVER', 'GOLD')),
    name            TEXT        NOT NULL,
    -- paid spend over the last 12 months (rupiah) needed for the tier; BRONZE is 0
    min_spend       BIGINT      NOT NULL CHECK (min_spend >= 0),
    -- earning multiplier in basis points: 10000 = x1
    multiplier_bps  INT         NOT NULL CHECK (multiplier_bps BETWEEN 10000 AND 50000),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each customer's current tier. Upgrades take effect at once; a lower tier only at review_at (yearly), so the
-- row remembers when the customer got the tier and when it is next reviewed. Written under the loyalty_account
-- lock (LoyaltyLedger.lock), like the ledger.
CREATE TABLE loyalty_tier_status (
    user_id         UUID PRIMARY KEY REFERENCES loyalty_account (user_id),
    tier            TEXT        NOT NULL CHECK (tier IN ('BRONZE', 'SILVER', 'GOLD')),
    since           TIMESTAMPTZ NOT NULL,
    review_at       TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX loyalty_tier_status_review ON loyalty_tier_status (review_at);
-- spend over the last 12 months, per customer (tier review)
CREATE INDEX customer_order_user_paid ON customer_order (user_id, paid_at) WHERE paid_at IS NOT NULL;
