-- Schema "payout": payout accounts (bank details + verification), encrypted KTP documents and their access audit,
-- the commission ledger projection fed by affiliate-service, payout requests and their allocations, and the
-- contact projection fed by identity-service. Platform tables (outbox, inbox) come from db/platform.
-- Money is whole rupiah (BIGINT); timestamps are UTC (TIMESTAMPTZ).
-- There is no balance column anywhere: balances are computed from ledger_commission and payout on every read.

-- --- Contacts of affiliates (identity.user.registered / .updated / .deleted) ---------------------------
CREATE TABLE user_contact (
    user_id           UUID PRIMARY KEY,
    name              TEXT,
    email             TEXT,
    locale            TEXT,
    -- occurredAt of the event that wrote this row: an older event never overwrites a newer one
    source_changed_at TIMESTAMPTZ NOT NULL,
    deleted_at        TIMESTAMPTZ             -- anonymized for good: later registered/updated events are ignored
);

-- --- Payout accounts: one per affiliate, opened by affiliate.application.approved ---------------------
CREATE TABLE payout_account (
    id                  UUID PRIMARY KEY,
    affiliate_id        UUID        NOT NULL UNIQUE,
    user_id             UUID        NOT NULL UNIQUE,   -- identity user id (JWT sub)
    affiliate_code      TEXT,
    opened_at           TIMESTAMPTZ NOT NULL,
    -- bank details as the affiliate gave them (NULL until the first PUT, and after erasure)
    bank_code           TEXT,
    account_number      TEXT CHECK (account_number ~ '^[0-9]{6,20}$'),
    account_holder      TEXT,
    -- the NIK, sealed with the KTP vault's key (AES-256-GCM, "<keyId>:<base64 iv|ciphertext>")
    nik_sealed          TEXT,
    verification_status TEXT        NOT NULL DEFAULT 'UNVERIFIED'
        CHECK (verification_status IN ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED')),
    rejection_reason    TEXT,
    -- bumped by every change of details or KTP; an admin may verify "the version I looked at"
    details_version     INT         NOT NULL DEFAULT 0,
    details_updated_at  TIMESTAMPTZ,
    verified_at         TIMESTAMPTZ,
    verified_by         UUID,
    rejected_at         TIMESTAMPTZ,
    rejected_by         UUID,
    anonymized_at       TIMESTAMPTZ
);
-- The admin review queue: ?status=PENDING, oldest change first.
CREATE INDEX payout_account_by_status ON payout_account (verification_status, details_updated_at, id);

-- --- KTP documents: metadata here, the AES-256-GCM ciphertext in a random file under qutab.ktp.dir -----
CREATE TABLE ktp_document (
    id              UUID PRIMARY KEY,
    account_id      UUID        NOT NULL REFERENCES payout_account (id),
    storage_name    TEXT        NOT NULL UNIQUE,       -- random file name; says nothing about the owner
    key_id          TEXT        NOT NULL,              -- which key sealed it (rotation)
    iv              BYTEA       NOT NULL CHECK (octet_length(iv) = 12),
    content_type    TEXT        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    plaintext_bytes INT         NOT NULL CHECK (plaintext_bytes > 0),
    width           INT         NOT NULL,
    height          INT         NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL,
    superseded_at   TIMESTAMPTZ,                       -- a newer upload replaced it (file deleted)
    erased_at       TIMESTAMPTZ                        -- the user was deleted (file deleted)
);
CREATE UNIQUE INDEX ktp_document_current ON ktp_document (account_id)
    WHERE superseded_at IS NULL AND erased_at IS NULL;
CREATE INDEX ktp_document_by_key ON ktp_document (key_id) WHERE superseded_at IS NULL AND erased_at IS NULL;

-- Every admin read of a KTP image: who, when, which. Written (and committed) before the image is decrypted.
CREATE TABLE ktp_access_audit (
    id              UUID PRIMARY KEY,
    account_id      UUID        NOT NULL REFERENCES payout_account (id),
    ktp_document_id UUID        NOT NULL REFERENCES ktp_document (id),
    admin_user_id   UUID        NOT NULL,
    accessed_at     TIMESTAMPTZ NOT NULL,
    request_id      TEXT
);
CREATE INDEX ktp_access_audit_by_account ON ktp_access_audit (account_id, accessed_at DESC);

-- --- Commission ledger projection (affiliate.commission.created / .matured / .voided / .clawback) ------
-- One row per commission with its latest known state. Transitions only move forward:
-- PENDING (1) -> AVAILABLE (2) -> VOIDED | CLAWED_BACK (3, terminal); a stale or repeated event changes nothing.
CREATE TABLE ledger_commission (
    commission_id   UUID PRIMARY KEY,
    affiliate_id    UUID        NOT NULL,
    order_id        UUID,
    amount          BIGINT      NOT NULL CHECK (amount >= 0),
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'AVAILABLE', 'VOIDED', 'CLAWED_BACK')),
    rate_bps        INT,
    earned_at       TIMESTAMPTZ NOT NULL,              -- the commission's createdAt (or when first seen): FIFO order
    available_at    TIMESTAMPTZ,
    voided_at       TIMESTAMPTZ,
    void_reason     TEXT,
    clawback_amount BIGINT CHECK (clawback_amount >= 0),
    clawback_reason TEXT,
    clawed_back_at  TIMESTAMPTZ,
    first_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((state = 'CLAWED_BACK') = (clawback_amount IS NOT NULL))
);
CREATE INDEX ledger_commission_by_affiliate ON ledger_commission (affiliate_id, state, earned_at, commission_id);

-- The journal: every transition as received, once per (commission, kind), never rewritten. seq is assigned
-- under the affiliate's lock, so it orders one affiliate's ledger changes and the payout decisions between them.
CREATE TABLE ledger_entry (
    seq           BIGSERIAL PRIMARY KEY,
    affiliate_id  UUID        NOT NULL,
    commission_id UUID        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('CREATED', 'MATURED', 'VOIDED', 'CLAWBACK')),
    amount        BIGINT      NOT NULL,
    effect        TEXT        NOT NULL CHECK (effect IN ('APPLIED', 'STALE')),
    reason        TEXT,
    event_id      UUID        NOT NULL,
    occurred_at   TIMESTAMPTZ,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (commission_id, kind)
);
CREATE INDEX ledger_entry_by_affiliate ON ledger_entry (affiliate_id, seq);

-- --- Payouts --------------------------------------------------------------------------------------------
CREATE TABLE payout (
    id                 UUID PRIMARY KEY,
    affiliate_id       UUID        NOT NULL,
    account_id         UUID        NOT NULL REFERENCES payout_account (id),
    amount             BIGINT      NOT NULL CHECK (amount > 0),
    status             TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'PAID', 'FAILED', 'REJECTED')),
    -- where the money goes: the verified bank details at request time (a later change does not redirect it)
    bank_code          TEXT        NOT NULL,
    account_number     TEXT,
    account_holder     TEXT,
    -- what the decision saw, under the affiliate's lock: available balance and ledger position (ledger_entry.seq)
    available_before   BIGINT      NOT NULL,
    ledger_position    BIGINT      NOT NULL,
    idempotency_key    TEXT,
    requested_at       TIMESTAMPTZ NOT NULL,
    approved_at        TIMESTAMPTZ,
    approved_by        UUID,
    paid_at            TIMESTAMPTZ,
    paid_by            UUID,
    transfer_reference TEXT,
    unallocated_amount BIGINT CHECK (unallocated_amount >= 0),
    failed_at          TIMESTAMPTZ,
    failed_by          UUID,
    failure_reason     TEXT,
    rejected_at        TIMESTAMPTZ,
    rejected_by        UUID,
    rejection_reason   TEXT,
    CHECK ((status = 'PAID') = (transfer_reference IS NOT NULL AND paid_at IS NOT NULL))
);
-- At most one open request per affiliate, also as a constraint (the lock is the first line of defence).
CREATE UNIQUE INDEX payout_one_open_per_affiliate ON payout (affiliate_id) WHERE status IN ('REQUESTED', 'APPROVED');
CREATE UNIQUE INDEX payout_idempotency ON payout (affiliate_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX payout_by_affiliate ON payout (affiliate_id, requested_at DESC, id);
CREATE INDEX payout_by_status ON payout (status, requested_at, id);

-- Which commissions a paid payout covered, oldest first. A commission may be split over two payouts.
CREATE TABLE payout_allocation (
    payout_id     UUID    NOT NULL REFERENCES payout (id),
    commission_id UUID    NOT NULL REFERENCES ledger_commission (commission_id),
    position      INT     NOT NULL,
    amount        BIGINT  NOT NULL CHECK (amount > 0),
    fully_paid    BOOLEAN NOT NULL,                    -- this allocation completed the commission
    PRIMARY KEY (payout_id, commission_id)
);
CREATE INDEX payout_allocation_by_commission ON payout_allocation (commission_id);
