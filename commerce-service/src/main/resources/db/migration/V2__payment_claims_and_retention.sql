-- Issue 9 (defect 7): the payment row is recorded before the provider is called (the claim of the order's
-- one open invoice), so it has no invoice id or URL until the provider answers.
ALTER TABLE payment ALTER COLUMN provider_invoice_id DROP NOT NULL;
ALTER TABLE payment ALTER COLUMN payment_url DROP NOT NULL;

-- Retention (issue 9, defect 12) deletes by age.
CREATE INDEX order_idempotency_created ON order_idempotency (created_at);
CREATE INDEX payment_callback_received ON payment_callback (received_at);
