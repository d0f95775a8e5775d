-- Messages to people (mail today, WhatsApp later), recorded in the business transaction and sent after it
-- committed by the platform's NotificationSender. Numbered 0.8 (issue 9, defect 8); like every later platform
-- migration it is applied with quarkus.flyway.out-of-order=true (a platform default) where V1… already ran.
CREATE TABLE notification_outbox (
    id              UUID PRIMARY KEY,
    channel         TEXT        NOT NULL,
    template        TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    -- What makes a message the same message: the event id (or the token, payout, … it is about). A redelivered
    -- event records nothing new.
    dedupe_key      TEXT        NOT NULL,
    locale          TEXT,
    -- Rendered when recorded (see platform/README.md "Notifications"); bodies are wiped once SENT or FAILED
    -- because some carry one-time links.
    subject         TEXT,
    body_text       TEXT,
    body_html       TEXT,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    -- Also the claim's lease: a claimed row is pushed into the future while it is being sent.
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    send_until      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    last_error      TEXT,
    UNIQUE (channel, dedupe_key, recipient, template)
);

-- The sender claims due pending rows only.
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
-- Retention deletes sent rows by age.
CREATE INDEX notification_outbox_sent_at ON notification_outbox (sent_at) WHERE status = 'SENT';
