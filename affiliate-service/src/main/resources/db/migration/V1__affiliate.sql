-- Schema "affiliate": affiliates and their codes, referral clicks, attribution (leads), commissions and their
-- lifecycle, tiers and commission rules, daily stats, promotional materials, and the projections fed by other
-- services' events. Platform tables (outbox, inbox) come from db/platform.
-- Money is whole rupiah (BIGINT), rates are basis points (INT), timestamps are UTC (TIMESTAMPTZ); "day" columns
-- are calendar days in Asia/Jakarta.

-- --- Projection of identity's users (identity.user.registered / .updated / .deleted) ----------------------
-- Contact data of the people we mail (affiliates) and name the masked leads of (customers).
CREATE TABLE user_contact (
    user_id    UUID PRIMARY KEY,
    name       TEXT,
    email      TEXT,
    phone      TEXT,
    deleted_at TIMESTAMPTZ,           -- anonymized: name/email/phone are gone for good
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- --- Tiers and commission rules (admin-managed) ------------------------------------------------------------
CREATE TABLE tier (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    -- Trailing 90-day confirmed sales (rupiah) from which this tier applies.
    min_sales_90d BIGINT      NOT NULL CHECK (min_sales_90d >= 0),
    bonus_bps     INT         NOT NULL CHECK (bonus_bps BETWEEN 0 AND 10000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tier_name ON tier (lower(name));
CREATE UNIQUE INDEX tier_threshold ON tier (min_sales_90d);

INSERT INTO tier (id, name, min_sales_90d, bonus_bps) VALUES
    ('7e1a0000-0000-4000-8000-000000000001', 'Bronze', 0, 0),
    ('7e1a0000-0000-4000-8000-000000000002', 'Silver', 25000000, 50),
    ('7e1a0000-0000-4000-8000-000000000003', 'Gold', 100000000, 100),
    ('7e1a0000-0000-4000-8000-000000000004', 'Platinum', 250000000, 200);

-- One rule per product category: a rate in basis points of the line's paid amount, or a flat amount per unit.
CREATE TABLE commission_rule (
    id                   UUID PRIMARY KEY,
    category             TEXT        NOT NULL CHECK (category ~ '^[a-z0-9-]{2,30}$'),
    rate_bps             INT CHECK (rate_bps BETWEEN 0 AND 10000),
    flat_amount_per_unit BIGINT CHECK (flat_amount_per_unit BETWEEN 0 AND 1000000000),
    active               BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((rate_bps IS NULL) <> (flat_amount_per_unit IS NULL))
);
CREATE UNIQUE INDEX commission_rule_category ON commission_rule (category);

INSERT INTO commission_rule (id, category, rate_bps) VALUES
    ('7e1b0000-0000-4000-8000-000000000001', 'sapi', 300),
    ('7e1b0000-0000-4000-8000-000000000002', 'kambing', 500),
    ('7e1b0000-0000-4000-8000-000000000003', 'domba', 500);

-- --- Affiliates: the application, the code, the profile -----------------------------------------------------
CREATE TABLE affiliate (
    id                UUID PRIMARY KEY,
    user_id           UUID        NOT NULL UNIQUE,   -- identity user id (JWT sub)
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    -- the application (the latest one when a rejected applicant applied again)
    first_name        TEXT        NOT NULL,
    last_name         TEXT        NOT NULL,
    whatsapp          TEXT,
    city              TEXT        NOT NULL,
    reason            TEXT,
    applied_at        TIMESTAMPTZ NOT NULL,
    applications      INT         NOT NULL DEFAULT 1,
    -- decisions
    rejection_reason  TEXT,
    rejected_at       TIMESTAMPTZ,
    code              TEXT,                          -- as issued (case kept), unique case-insensitively
    approved_at       TIMESTAMPTZ,
    approved_by       UUID,
    suspended_at      TIMESTAMPTZ,
    suspension_reason TEXT,
    -- tier, recomputed daily
    tier_id           UUID REFERENCES tier (id) ON DELETE SET NULL,
    tier_changed_at   TIMESTAMPTZ,
    -- profile
    bio               TEXT,
    instagram         TEXT,
    tiktok            TEXT,
    facebook          TEXT,
    youtube           TEXT,
    website           TEXT,
    photo_file        TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (code IS NULL OR code ~ '^[A-Za-z0-9]{4,20}$')
);
CREATE UNIQUE INDEX affiliate_code_key ON affiliate (lower(code)) WHERE code IS NOT NULL;
-- Admin list: by status, newest first; and the search (?q=) by name, code or city prefix.
CREATE INDEX affiliate_by_status ON affiliate (status, created_at DESC);
CREATE INDEX affiliate_created ON affiliate (created_at DESC);
CREATE INDEX affiliate_first_name ON affiliate (lower(first_name) text_pattern_ops);
CREATE INDEX affiliate_last_name ON affiliate (lower(last_name) text_pattern_ops);
CREATE INDEX affiliate_city ON affiliate (lower(city) text_pattern_ops);
CREATE INDEX affiliate_by_tier ON affiliate (tier_id);
CREATE INDEX user_contact_email ON user_contact (lower(email) text_pattern_ops);

-- Bumped in the transaction of every change of a code's state (approval, suspension, reinstatement,
-- deletion): each instance polls this one row and reloads its in-memory code cache when it moved.
CREATE TABLE code_version (
    id      INT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO code_version (id, version) VALUES (1, 0);

-- --- Referral clicks (raw; removed after 90 days by click-cleanup, once summarized in daily_stats) ----------
-- Written in batches by the click flusher (COPY). visitor_hash = SHA-256(salt, IP, user agent): never the IP.
CREATE TABLE click (
    id           UUID        NOT NULL,
    affiliate_id UUID        NOT NULL,
    code         TEXT        NOT NULL,
    clicked_at   TIMESTAMPTZ NOT NULL,
    visitor_hash BYTEA       NOT NULL,
    bot          BOOLEAN     NOT NULL,
    unique_visit BOOLEAN     NOT NULL,     -- first counted click of this visitor for this affiliate in 24 h
    target       TEXT
);
-- No primary key on purpose: ids are random v7 UUIDs made in memory, and the table is append-only.
CREATE INDEX click_by_time ON click (clicked_at);
CREATE INDEX click_by_affiliate ON click (affiliate_id, clicked_at);
-- The unique-visitor lookup of a flush: the latest unique click of (affiliate, visitor) in the last 24 h.
CREATE INDEX click_unique_visits ON click (affiliate_id, visitor_hash, clicked_at DESC) WHERE unique_visit;

-- --- Orders as far as they matter here: the facts of commerce.order.* events, in whatever order they came ---
CREATE TABLE tracked_order (
    order_id             UUID PRIMARY KEY,
    order_number         TEXT,
    user_id              UUID,
    customer_name        TEXT,
    -- attribution input (from created or paid, whichever came first)
    referral_code        TEXT,
    click_id             TEXT,
    coupon_code          TEXT,
    coupon_affiliate_id  UUID,
    referral_affiliate_id UUID,
    attribution_known    BOOLEAN     NOT NULL DEFAULT FALSE,   -- some event carried the attribution
    -- facts
    created_at           TIMESTAMPTZ,      -- set once commerce.order.created was applied
    total                BIGINT,
    paid_at              TIMESTAMPTZ,      -- set once commerce.order.paid was applied
    subtotal             BIGINT,
    discount             BIGINT,
    paid_lines           JSONB,
    completed_at         TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,      -- cancelled, expired or refunded (the earliest one)
    close_type           TEXT CHECK (close_type IN ('CANCELLED', 'EXPIRED', 'REFUNDED')),
    close_reason         TEXT,
    -- the attribution decision, made once
    outcome              TEXT CHECK (outcome IN ('AFFILIATE', 'SELF_REFERRAL', 'NONE')),
    outcome_reason       TEXT,
    affiliate_id         UUID,
    source               TEXT CHECK (source IN ('COUPON', 'LINK')),
    commission_decided   BOOLEAN     NOT NULL DEFAULT FALSE,
    commission_skipped   TEXT,             -- why no commission although attributed (e.g. SUSPENDED, ZERO)
    first_seen_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tracked_order_by_user ON tracked_order (user_id);

-- A lead: an order attributed to an affiliate. Status PENDING (ordered) → CONFIRMED (paid) → PAID (commission
-- paid out); CANCELLED when the order was cancelled, expired or refunded.
CREATE TABLE lead (
    id               UUID PRIMARY KEY,
    affiliate_id     UUID        NOT NULL REFERENCES affiliate (id),
    order_id         UUID        NOT NULL UNIQUE,
    order_number     TEXT,
    customer_user_id UUID,
    customer_name    TEXT,
    source           TEXT        NOT NULL CHECK (source IN ('COUPON', 'LINK')),
    code             TEXT,
    click_id         TEXT,
    coupon_code      TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'PAID', 'CANCELLED')),
    order_total      BIGINT,
    order_created_at TIMESTAMPTZ,   -- counted as an order in daily_stats on this day
    occurred_at      TIMESTAMPTZ NOT NULL,   -- order time, or payment time while the order time is unknown
    confirmed_at     TIMESTAMPTZ,
    paid_out_at      TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX lead_by_affiliate ON lead (affiliate_id, occurred_at DESC);
CREATE INDEX lead_by_affiliate_status ON lead (affiliate_id, status, occurred_at DESC);
CREATE INDEX lead_by_customer ON lead (customer_user_id);
CREATE INDEX lead_order_created ON lead (order_created_at);

-- Self-referrals: the buyer is the affiliate's own user. Nothing is earned; admins review these.
CREATE TABLE self_referral (
    order_id      UUID PRIMARY KEY,
    affiliate_id  UUID        NOT NULL REFERENCES affiliate (id),
    user_id       UUID        NOT NULL,
    order_number  TEXT,
    source        TEXT        NOT NULL CHECK (source IN ('COUPON', 'LINK')),
    code          TEXT,
    coupon_code   TEXT,
    order_total   BIGINT,
    flagged_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX self_referral_recent ON self_referral (flagged_at DESC);
CREATE INDEX self_referral_by_affiliate ON self_referral (affiliate_id, flagged_at DESC);

-- --- Commissions ---------------------------------------------------------------------------------------
-- One per attributed, paid order; id derived from the order id (so every fact about it can arrive first).
-- PENDING → AVAILABLE (order completed and hold-days passed since payment) → PAID (payout);
-- PENDING/AVAILABLE → VOIDED (order cancelled/expired/refunded); PAID + refund → clawback record, stays PAID.
CREATE TABLE commission (
    id                 UUID PRIMARY KEY,
    affiliate_id       UUID        NOT NULL REFERENCES affiliate (id),
    order_id           UUID        NOT NULL UNIQUE,
    order_number       TEXT,
    amount             BIGINT      NOT NULL CHECK (amount >= 0),
    rate_bps           INT         NOT NULL,
    tier_bonus_bps     INT         NOT NULL,
    sales_amount       BIGINT      NOT NULL,   -- what the customer paid for the order: the commission base
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'AVAILABLE', 'PAID', 'VOIDED')),
    paid_at            TIMESTAMPTZ NOT NULL,   -- when the order was paid (the hold starts here)
    order_completed_at TIMESTAMPTZ,
    available_at       TIMESTAMPTZ,
    voided_at          TIMESTAMPTZ,
    voided_reason      TEXT,
    payout_id          UUID,
    paid_out_at        TIMESTAMPTZ,
    clawback_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX commission_by_affiliate ON commission (affiliate_id, created_at DESC);
CREATE INDEX commission_by_affiliate_status ON commission (affiliate_id, status, created_at DESC);
CREATE INDEX commission_by_paid_at ON commission (paid_at);
-- The maturation scan: pending commissions of completed orders, oldest payment first.
CREATE INDEX commission_maturable ON commission (paid_at) WHERE status = 'PENDING' AND order_completed_at IS NOT NULL;

CREATE TABLE commission_line (
    commission_id        UUID    NOT NULL REFERENCES commission (id),
    line_no              INT     NOT NULL,
    product_id           UUID,
    category             TEXT    NOT NULL,
    quantity             INT     NOT NULL,
    line_total           BIGINT  NOT NULL,
    base                 BIGINT  NOT NULL,   -- paid amount of the line (discount spread)
    rule_rate_bps        INT,
    flat_amount_per_unit BIGINT,
    tier_bonus_bps       INT     NOT NULL,
    amount               BIGINT  NOT NULL,
    PRIMARY KEY (commission_id, line_no)
);

-- A refund after the commission was paid out: a negative entry for payout-service; history stays as it was.
CREATE TABLE commission_clawback (
    commission_id UUID PRIMARY KEY REFERENCES commission (id),
    affiliate_id  UUID        NOT NULL,
    order_id      UUID        NOT NULL,
    amount        BIGINT      NOT NULL,
    reason        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX commission_clawback_by_affiliate ON commission_clawback (affiliate_id, created_at DESC);

-- payout.payout.paid facts, kept even when they name a commission not seen yet.
CREATE TABLE payout_allocation (
    commission_id UUID        NOT NULL,
    payout_id     UUID        NOT NULL,
    affiliate_id  UUID,
    paid_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (commission_id, payout_id)
);

-- payout.payout.requested/paid/failed, for the dashboard's recent activity.
CREATE TABLE payout_activity (
    payout_id    UUID        NOT NULL,
    affiliate_id UUID        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'PAID', 'FAILED')),
    amount       BIGINT      NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (payout_id, status)
);
CREATE INDEX payout_activity_by_affiliate ON payout_activity (affiliate_id, at DESC);

-- --- Daily stats: what dashboards read ---------------------------------------------------------------------
-- Kept current incrementally (click batches, order and commission events) and rebuilt from raw data by the
-- stats-aggregation job. clicks/unique_clicks exclude bots; orders count attributed orders by order day;
-- conversions/sales/commission count paid attributed orders by payment day, minus voided or clawed back ones.
CREATE TABLE daily_stats (
    affiliate_id  UUID        NOT NULL,
    day           DATE        NOT NULL,
    clicks        BIGINT      NOT NULL DEFAULT 0,
    unique_clicks BIGINT      NOT NULL DEFAULT 0,
    orders        BIGINT      NOT NULL DEFAULT 0,
    conversions   BIGINT      NOT NULL DEFAULT 0,
    sales         BIGINT      NOT NULL DEFAULT 0,
    commission    BIGINT      NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (affiliate_id, day)
);
CREATE INDEX daily_stats_by_day ON daily_stats (day);

-- --- Promotional materials ---------------------------------------------------------------------------------
CREATE TABLE material (
    id         UUID PRIMARY KEY,
    kind       TEXT        NOT NULL CHECK (kind IN ('BANNER', 'CAPTION')),
    title      TEXT        NOT NULL,
    caption    TEXT,
    image_url  TEXT,
    sort_order INT         NOT NULL DEFAULT 0,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX material_visible ON material (sort_order, created_at) WHERE active;
CREATE INDEX material_all ON material (created_at DESC);
