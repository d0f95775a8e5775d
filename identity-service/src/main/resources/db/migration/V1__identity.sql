-- Schema "identity": accounts, roles, credentials, refresh tokens, one-time tokens, login failures.
-- Platform tables (outbox, inbox) come from db/platform (V0_x).

-- One row per account. A deleted account is kept (its id is referenced by orders and commissions elsewhere)
-- but anonymized: name, email and phone are replaced and the password is removed.
CREATE TABLE users (
    id                UUID PRIMARY KEY,
    email             TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    phone             TEXT,
    password_hash     TEXT,
    locale            TEXT        NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
    email_verified_at TIMESTAMPTZ,
    disabled_at       TIMESTAMPTZ,
    deleted_at        TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Emails are unique case-insensitively; concurrent registrations of one address meet here.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
-- The admin list pages newest first.
CREATE INDEX users_created_at ON users (created_at DESC, id);

CREATE TABLE user_roles (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('customer', 'affiliate', 'admin')),
    PRIMARY KEY (user_id, role)
);
-- The admin list filters by role.
CREATE INDEX user_roles_role ON user_roles (role, user_id);

-- Opaque refresh tokens, stored only as their SHA-256 (hex). One family per login; each refresh spends
-- the presented token and adds the next one to the family. Presenting a spent token revokes the family.
CREATE TABLE refresh_tokens (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    spent_at    TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    replaced_by UUID
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_live_by_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- Email verification and password reset tokens: random, single use, stored only as their SHA-256 (hex).
CREATE TABLE one_time_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose, created_at);
CREATE INDEX one_time_tokens_expires_at ON one_time_tokens (expires_at);

-- Failed logins, for throttling per account and per client address across replicas. The account is
-- the SHA-256 of the lower-cased email (the address itself is not kept); rows older than the window
-- are deleted by a scheduled job.
CREATE TABLE login_failures (
    id          BIGSERIAL PRIMARY KEY,
    account_key TEXT        NOT NULL,
    client_ip   TEXT        NOT NULL,
    failed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_key, failed_at);
CREATE INDEX login_failures_ip ON login_failures (client_ip, failed_at);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
