-- Issue 12: WhatsApp beside mail. What the provider said about a message after it took it. Additive only: every
-- service runs the platform migrations (out of order where its own V1… already ran), mail rows keep these NULL.
ALTER TABLE notification_outbox
    -- the service's template version the message was rendered from (a message keeps the version it was sent with)
    ADD COLUMN template_version    INT,
    -- the provider template's body parameters, a JSON array of strings in order; wiped with the bodies once sent
    ADD COLUMN parameters          JSONB,
    -- the provider's id (WhatsApp's wamid), the key of its status webhooks
    ADD COLUMN provider_message_id TEXT,
    -- the latest status the provider reported, only ever forward: SENT < DELIVERED < READ; FAILED is final
    ADD COLUMN delivery_status     TEXT CHECK (delivery_status IN ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    ADD COLUMN delivery_at         TIMESTAMPTZ,
    -- the provider's error code and title when delivery_status = FAILED
    ADD COLUMN delivery_error      TEXT;

-- Status webhooks find their row by the provider's id.
CREATE UNIQUE INDEX notification_outbox_provider_message_id ON notification_outbox (provider_message_id)
    WHERE provider_message_id IS NOT NULL;

-- A status can arrive before the sender stored the provider's id (the provider answers the send and fires "sent"
-- at the same moment): it waits here and is applied when the id is stored. Rows for ids this service never sent
-- are deleted by the sender's retention.
CREATE TABLE notification_delivery_early (
    provider_message_id TEXT        NOT NULL,
    delivery_status     TEXT        NOT NULL CHECK (delivery_status IN ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    delivery_at         TIMESTAMPTZ NOT NULL,
    delivery_error      TEXT,
    received_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_message_id, delivery_status)
);
CREATE INDEX notification_delivery_early_received_at ON notification_delivery_early (received_at);
