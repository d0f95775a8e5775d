-- Family dates and reminders (issue 12).

-- A customer's family members (GET/POST /api/me/family): the dates the reminder job greets. Erased with the account.
CREATE TABLE family_member (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    relation    TEXT        NOT NULL CHECK (relation IN ('CHILD', 'SPOUSE', 'PARENT', 'OTHER')),
    birth_date  DATE        NOT NULL CHECK (birth_date >= DATE '1900-01-01'),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX family_member_user ON family_member (user_id, created_at, id);
-- The daily job looks members up by day of the year (birthdays, the day before an aqiqah anniversary).
CREATE INDEX family_member_month_day ON family_member ((EXTRACT(MONTH FROM birth_date)), (EXTRACT(DAY FROM birth_date)));

-- identity.user.preferences-changed: whether the customer accepts promotional messages (WhatsApp or mail), and the
-- time of the preference it came from, so an older event delivered late does not undo a newer choice.
ALTER TABLE customer ADD COLUMN promotions_opt_in BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE customer ADD COLUMN preferences_at TIMESTAMPTZ;
CREATE INDEX customer_promotions ON customer (id) WHERE promotions_opt_in AND deleted_at IS NULL;

-- A coupon only its owner may redeem (the birthday coupon; loyalty's reward coupons use the same column).
ALTER TABLE coupon ADD COLUMN IF NOT EXISTS owner_user_id UUID;

-- Products that are aqiqah packages: the aqiqah reminder is sent only while the catalogue has one.
ALTER TABLE product ADD COLUMN aqiqah BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per reminder sent, written in the same transaction as its commerce.reminder.due event: the unique key
-- (user, person or none, kind, year) makes a second run, a second instance or a retry after a crash a no-op.
CREATE TABLE reminder_log (
    id          UUID PRIMARY KEY,             -- the event's reminderId (the consumer's dedupe key)
    user_id     UUID        NOT NULL,
    person_id   UUID,                          -- the family member; NULL for QURBAN (one per customer)
    kind        TEXT        NOT NULL CHECK (kind IN ('BIRTHDAY', 'AQIQAH', 'QURBAN')),
    year        INT         NOT NULL,
    due_on      DATE        NOT NULL,          -- the Jakarta day the reminder was for
    coupon_id   UUID REFERENCES coupon (id),
    sent_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reminder_log_once ON reminder_log (user_id, person_id, kind, year) NULLS NOT DISTINCT;
