-- Schema "commerce": catalogue, wishlist, coupons, orders, payments, refunds, FAQ and the projections fed by
-- other services' events (customers, affiliate codes). Platform tables (outbox, inbox) come from db/platform.
-- Money is whole rupiah (BIGINT), timestamps are UTC (TIMESTAMPTZ).

-- --- Catalogue -------------------------------------------------------------------------------------
CREATE TABLE product (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    category    TEXT        NOT NULL CHECK (category IN ('sapi', 'kambing', 'domba')),
    description TEXT        NOT NULL DEFAULT '',
    price       BIGINT      NOT NULL CHECK (price > 0),
    weight_min  INT CHECK (weight_min >= 0),
    weight_max  INT CHECK (weight_max >= 0),
    -- Never negative: the conditional UPDATE that reserves stock cannot oversell, and this is the last guard.
    stock       INT         NOT NULL CHECK (stock >= 0),
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    image_file  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at  TIMESTAMPTZ,
    -- Text search: word-prefix full-text over name and description ('simple': no stemming, works for Indonesian).
    search      TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || description)) STORED,
    CHECK (weight_min IS NULL OR weight_max IS NULL OR weight_min <= weight_max)
);
-- Public list: visible products, newest first, optionally by category.
CREATE INDEX product_visible ON product (created_at DESC) WHERE active AND deleted_at IS NULL;
CREATE INDEX product_visible_category ON product (category, created_at DESC) WHERE active AND deleted_at IS NULL;
-- Admin list (includes inactive) by category.
CREATE INDEX product_admin_category ON product (category, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX product_search ON product USING GIN (search);

-- --- Projections fed by other services --------------------------------------------------------------
-- identity.user.registered / identity.user.deleted: who to mail, in which language.
CREATE TABLE customer (
    id          UUID PRIMARY KEY,              -- identity user id (JWT sub)
    name        TEXT,
    email       TEXT,
    phone       TEXT,
    locale      TEXT        NOT NULL DEFAULT 'id',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at  TIMESTAMPTZ
);

-- affiliate.application.approved: referral codes that attribute orders, and who owns coupons.
CREATE TABLE affiliate_code (
    affiliate_id UUID PRIMARY KEY,
    user_id      UUID        NOT NULL UNIQUE,
    code         TEXT        NOT NULL UNIQUE,  -- case-sensitive, as issued (e.g. XK7mP2q)
    approved_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- --- Wishlist --------------------------------------------------------------------------------------
CREATE TABLE wishlist_item (
    user_id    UUID        NOT NULL,
    product_id UUID        NOT NULL REFERENCES product (id),
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX wishlist_by_user ON wishlist_item (user_id, added_at DESC);

-- --- Coupons ---------------------------------------------------------------------------------------
CREATE TABLE coupon (
    id                 UUID PRIMARY KEY,
    code               TEXT        NOT NULL CHECK (code = upper(code) AND length(code) BETWEEN 3 AND 40),
    discount_type      TEXT        NOT NULL CHECK (discount_type IN ('PERCENT', 'FIXED')),
    discount_value     BIGINT      NOT NULL CHECK (discount_value > 0),
    min_purchase       BIGINT CHECK (min_purchase >= 0),
    max_discount       BIGINT CHECK (max_discount > 0),
    valid_from         TIMESTAMPTZ,
    valid_until        TIMESTAMPTZ,
    usage_limit        INT CHECK (usage_limit > 0),
    per_customer_limit INT CHECK (per_customer_limit > 0),
    -- Redemptions held by live orders. Raised only by "UPDATE ... WHERE used < usage_limit".
    used               INT         NOT NULL DEFAULT 0 CHECK (used >= 0),
    affiliate_id       UUID,
    active             BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (usage_limit IS NULL OR used <= usage_limit),
    CHECK (discount_type <> 'PERCENT' OR discount_value <= 100),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until)
);
CREATE UNIQUE INDEX coupon_code ON coupon (code);
CREATE INDEX coupon_affiliate ON coupon (affiliate_id, created_at DESC) WHERE affiliate_id IS NOT NULL;

-- --- Orders ----------------------------------------------------------------------------------------
CREATE TABLE customer_order (
    id                        UUID PRIMARY KEY,
    number                    TEXT        NOT NULL,
    user_id                   UUID        NOT NULL,
    status                    TEXT        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'PROCESSING',
                                  'DISTRIBUTED', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
    subtotal                  BIGINT      NOT NULL CHECK (subtotal > 0),
    discount                  BIGINT      NOT NULL CHECK (discount >= 0),
    total                     BIGINT      NOT NULL CHECK (total >= 0),
    coupon_id                 UUID REFERENCES coupon (id),
    coupon_code               TEXT,
    coupon_affiliate_id       UUID,
    referral_code             TEXT,
    referral_affiliate_id     UUID,
    click_id                  TEXT,
    attribution_source        TEXT        NOT NULL CHECK (attribution_source IN ('COUPON', 'LINK', 'NONE')),
    recipient_name            TEXT        NOT NULL,
    recipient_phone           TEXT,
    recipient_location        TEXT        NOT NULL,
    recipient_notes           TEXT,
    payment_due_at            TIMESTAMPTZ NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL,
    paid_at                   TIMESTAMPTZ,
    completed_at              TIMESTAMPTZ,
    closed_at                 TIMESTAMPTZ,  -- cancelled, expired or refunded
    close_reason              TEXT,
    CHECK (total = subtotal - discount)
);
CREATE UNIQUE INDEX customer_order_number ON customer_order (number);
CREATE INDEX customer_order_by_user ON customer_order (user_id, created_at DESC);
CREATE INDEX customer_order_by_status ON customer_order (status, created_at DESC);
CREATE INDEX customer_order_created ON customer_order (created_at DESC);
-- The expiry job's scan: unpaid orders by deadline.
CREATE INDEX customer_order_payment_due ON customer_order (payment_due_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX customer_order_recipient ON customer_order (lower(recipient_name) text_pattern_ops);

CREATE TABLE order_line (
    id           UUID PRIMARY KEY,
    order_id     UUID        NOT NULL REFERENCES customer_order (id),
    line_no      INT         NOT NULL,
    product_id   UUID        NOT NULL REFERENCES product (id),
    product_name TEXT        NOT NULL,   -- snapshot at order time
    category     TEXT        NOT NULL,
    unit_price   BIGINT      NOT NULL CHECK (unit_price > 0),
    quantity     INT         NOT NULL CHECK (quantity > 0),
    line_total   BIGINT      NOT NULL,
    discount     BIGINT      NOT NULL CHECK (discount >= 0),   -- this line's share of the order discount
    paid_amount  BIGINT      NOT NULL CHECK (paid_amount >= 0), -- line_total - discount: the commission base
    on_behalf_of TEXT[]      NOT NULL,
    UNIQUE (order_id, line_no),
    CHECK (line_total = unit_price * quantity),
    CHECK (paid_amount = line_total - discount)
);

CREATE TABLE order_tracking (
    id        UUID PRIMARY KEY,
    order_id  UUID        NOT NULL REFERENCES customer_order (id),
    status    TEXT        NOT NULL,
    note      TEXT,
    photo_url TEXT,
    actor     TEXT        NOT NULL,  -- customer | admin:<id> | system | zendit
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_tracking_by_order ON order_tracking (order_id, at);

-- Idempotency-Key of POST /api/orders: claimed first thing in the order's transaction; a concurrent
-- request with the same key waits on this primary key and then finds the committed order.
CREATE TABLE order_idempotency (
    user_id      UUID        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    order_id     UUID REFERENCES customer_order (id),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

CREATE TABLE coupon_redemption (
    id          UUID PRIMARY KEY,
    coupon_id   UUID        NOT NULL REFERENCES coupon (id),
    order_id    UUID        NOT NULL UNIQUE REFERENCES customer_order (id),
    user_id     UUID        NOT NULL,
    discount    BIGINT      NOT NULL,
    redeemed_at TIMESTAMPTZ NOT NULL,
    released_at TIMESTAMPTZ   -- the order was cancelled or expired: usage given back
);
CREATE INDEX coupon_redemption_live ON coupon_redemption (coupon_id, user_id) WHERE released_at IS NULL;

CREATE TABLE refund (
    id          UUID PRIMARY KEY,
    order_id    UUID        NOT NULL UNIQUE REFERENCES customer_order (id),
    amount      BIGINT      NOT NULL,
    reason      TEXT        NOT NULL,
    settlement  TEXT        NOT NULL DEFAULT 'MANUAL',
    refunded_by UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- --- Payments --------------------------------------------------------------------------------------
CREATE TABLE payment (
    id                  UUID PRIMARY KEY,      -- sent to the provider as external_id and X-IDEMPOTENCY-KEY
    order_id            UUID        NOT NULL REFERENCES customer_order (id),
    provider            TEXT        NOT NULL,
    provider_invoice_id TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'EXPIRED', 'AMOUNT_MISMATCH')),
    amount              BIGINT      NOT NULL,
    payment_url         TEXT        NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    paid_amount         BIGINT,
    paid_at             TIMESTAMPTZ,
    payment_method      TEXT,
    payment_channel     TEXT,
    confirmed_by        TEXT,                  -- CALLBACK | STATUS_QUERY
    flag                TEXT,                  -- AMOUNT_MISMATCH | PAID_AFTER_CLOSE: an admin must look
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX payment_provider_invoice ON payment (provider, provider_invoice_id);
CREATE INDEX payment_by_order ON payment (order_id, created_at DESC);
-- At most one open invoice per order.
CREATE UNIQUE INDEX payment_one_pending ON payment (order_id) WHERE status = 'PENDING';
CREATE INDEX payment_flagged ON payment (created_at DESC) WHERE flag IS NOT NULL;

-- Every authenticated callback, verbatim, with what it did. Dedupe is on (invoice, status) among the
-- callbacks that were processed (dedupe_key is set only on those).
CREATE TABLE payment_callback (
    id                  UUID PRIMARY KEY,
    provider            TEXT        NOT NULL,
    provider_invoice_id TEXT,
    external_id         TEXT,
    status              TEXT,
    raw_body            TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    outcome             TEXT        NOT NULL,
    payment_id          UUID REFERENCES payment (id),
    dedupe_key          TEXT UNIQUE
);
CREATE INDEX payment_callback_by_invoice ON payment_callback (provider_invoice_id, received_at);

-- --- Help centre -----------------------------------------------------------------------------------
CREATE TABLE faq (
    id         UUID PRIMARY KEY,
    category   TEXT        NOT NULL DEFAULT 'umum',
    question   TEXT        NOT NULL,
    answer     TEXT        NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX faq_visible ON faq (sort_order, created_at) WHERE active;

INSERT INTO faq (id, category, question, answer, sort_order) VALUES
('6a1f0c1e-2b0c-4c55-9d0e-000000000001', 'pemesanan', 'Bagaimana cara memesan hewan qurban di Qutab?',
 'Pilih hewan di katalog, isi nama pekurban (atas nama siapa qurban ditunaikan) dan lokasi penyaluran, lalu bayar melalui halaman pembayaran Zendit. Status pesanan dapat dipantau di menu Pesanan Saya.', 10),
('6a1f0c1e-2b0c-4c55-9d0e-000000000002', 'pemesanan', 'Berapa nama yang boleh dicantumkan untuk satu hewan?',
 'Satu ekor kambing atau domba untuk satu orang. Satu ekor sapi boleh untuk satu sampai tujuh orang (patungan), sesuai ketentuan syariat.', 20),
('6a1f0c1e-2b0c-4c55-9d0e-000000000003', 'pembayaran', 'Berapa lama batas waktu pembayaran?',
 'Pesanan yang belum dibayar dalam 24 jam otomatis kedaluwarsa dan stok hewan dikembalikan. Anda dapat memesan kembali kapan saja.', 30),
('6a1f0c1e-2b0c-4c55-9d0e-000000000004', 'pembayaran', 'Metode pembayaran apa saja yang tersedia?',
 'Transfer virtual account (BCA, BNI, BRI, Mandiri), e-wallet, QRIS dan kartu kredit melalui Zendit. Konfirmasi pembayaran berjalan otomatis, tidak perlu mengirim bukti transfer.', 40),
('6a1f0c1e-2b0c-4c55-9d0e-000000000005', 'penyaluran', 'Kapan hewan disembelih dan bagaimana saya tahu?',
 'Penyembelihan dilakukan pada hari raya Iduladha dan hari tasyrik. Tim kami mengunggah foto dan catatan penyembelihan serta penyaluran di riwayat pesanan Anda.', 50),
('6a1f0c1e-2b0c-4c55-9d0e-000000000006', 'pembayaran', 'Apakah dana bisa dikembalikan?',
 'Pengembalian dana dapat diajukan ke admin sebelum hewan disembelih, atau dalam 30 hari setelah pesanan selesai bila ada kendala penyaluran. Dana dikembalikan melalui transfer bank.', 60);
