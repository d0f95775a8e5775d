-- Notifications (issue 12): identity renders and sends every WhatsApp message, because it owns people's phone
-- numbers and languages. Messages themselves live in the platform's notification_outbox (db/platform V0_8, V0_9).

-- Message templates. A version is an immutable row: an edit inserts version + 1 and the old row stays, so a
-- message keeps (notification_outbox.template_version) the text it was sent with. Rendering takes the highest
-- version of channel + key + locale, and sends nothing when that row is inactive (deactivated by an admin).
CREATE TABLE message_template (
    id           UUID PRIMARY KEY,
    channel      TEXT        NOT NULL CHECK (channel IN ('WHATSAPP', 'EMAIL')),
    -- For WhatsApp the Cloud API template name, registered at Meta with the same body.
    template_key TEXT        NOT NULL CHECK (template_key ~ '^[a-z0-9_]{1,64}$'),
    locale       TEXT        NOT NULL CHECK (locale IN ('id', 'en')),
    category     TEXT        NOT NULL CHECK (category IN ('order', 'payout', 'affiliate', 'loyalty', 'reminder', 'promotion')),
    body         TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1024),
    version      INT         NOT NULL CHECK (version >= 1),
    active       BOOLEAN     NOT NULL DEFAULT true,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the admin who wrote this version; NULL for the seeded ones
    created_by   UUID
);
-- Two concurrent edits of one template meet here: one becomes the next version, the other is a 409.
CREATE UNIQUE INDEX message_template_version_key ON message_template (channel, template_key, locale, version);

-- Per-user choices; no row = the defaults (transactional on, promotions off).
CREATE TABLE notification_preference (
    user_id                UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    whatsapp_transactional BOOLEAN     NOT NULL,
    whatsapp_promotions    BOOLEAN     NOT NULL,
    email_transactional    BOOLEAN     NOT NULL,
    email_promotions       BOOLEAN     NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

-- payout.payout.* carries only the affiliate id: affiliate.application.approved tells identity whose it is.
CREATE TABLE affiliate_contact (
    affiliate_id UUID PRIMARY KEY,
    user_id      UUID        NOT NULL,
    code         TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- The seeded WhatsApp templates (CONTRACTS12), version 1, in Indonesian and English. Variables are {{name}};
-- the Cloud API body parameters are their values in the order they first appear.
INSERT INTO message_template (id, channel, template_key, locale, category, body, version) VALUES
 (gen_random_uuid(), 'WHATSAPP', 'order_paid', 'id', 'order',
  'Assalamu''alaikum {{customerName}}, pembayaran pesanan {{orderNumber}} sebesar {{total}} sudah kami terima. Terima kasih atas kepercayaan Anda kepada Qutab. Bukti pembayaran: {{receiptLink}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'order_paid', 'en', 'order',
  'Assalamu''alaikum {{customerName}}, we have received your payment for order {{orderNumber}} of {{total}}. Thank you for trusting Qutab. Your receipt: {{receiptLink}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'order_distributed', 'id', 'order',
  'Alhamdulillah, {{customerName}}, hewan pesanan {{orderNumber}} telah disembelih dan dagingnya sudah disalurkan kepada yang berhak. Lihat foto penyalurannya: {{photoLink}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'order_distributed', 'en', 'order',
  'Alhamdulillah, {{customerName}}, the animal of order {{orderNumber}} has been slaughtered and its meat distributed to those entitled to it. See the distribution photo: {{photoLink}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'affiliate_approved', 'id', 'affiliate',
  'Selamat, {{name}}! Pendaftaran Anda sebagai afiliasi Qutab telah disetujui. Kode referral Anda: {{code}}. Bagikan tautan ini untuk mulai mendapatkan komisi: {{referralLink}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'affiliate_approved', 'en', 'affiliate',
  'Congratulations, {{name}}! Your application to become a Qutab affiliate has been approved. Your referral code: {{code}}. Share this link to start earning commissions: {{referralLink}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'payout_paid', 'id', 'payout',
  'Halo {{name}}, pencairan komisi Anda sebesar {{amount}} sudah kami transfer ke rekening Anda. Terima kasih telah menjadi afiliasi Qutab.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'payout_paid', 'en', 'payout',
  'Hello {{name}}, your commission payout of {{amount}} has been transferred to your bank account. Thank you for being a Qutab affiliate.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'loyalty_points_earned', 'id', 'loyalty',
  'Halo {{name}}, Anda mendapatkan {{points}} poin Qutab dari pesanan Anda. Saldo poin Anda sekarang {{balance}} poin.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'loyalty_points_earned', 'en', 'loyalty',
  'Hello {{name}}, you earned {{points}} Qutab points with your order. Your balance is now {{balance}} points.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'loyalty_tier_upgraded', 'id', 'loyalty',
  'Selamat, {{name}}! Anda kini anggota {{tier}} Qutab dan mendapatkan lebih banyak poin untuk setiap pesanan.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'loyalty_tier_upgraded', 'en', 'loyalty',
  'Congratulations, {{name}}! You are now a Qutab {{tier}} member and earn more points on every order.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_birthday', 'id', 'reminder',
  'Halo {{name}}, selamat ulang tahun untuk {{personName}}! Semoga selalu sehat dan penuh berkah. Sebagai hadiah dari Qutab, gunakan kode kupon {{couponCode}} pada pesanan Anda berikutnya.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_birthday', 'en', 'reminder',
  'Hello {{name}}, happy birthday to {{personName}}! Wishing them health and blessings. As a gift from Qutab, use coupon code {{couponCode}} on your next order.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_aqiqah', 'id', 'reminder',
  'Assalamu''alaikum {{name}}, hari lahir {{personName}} sudah dekat. Jika aqiqahnya belum ditunaikan, Qutab siap membantu dengan paket aqiqah lengkap: {{link}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_aqiqah', 'en', 'reminder',
  'Assalamu''alaikum {{name}}, {{personName}}''s birthday is coming soon. If the aqiqah has not been performed yet, Qutab is ready to help with complete aqiqah packages: {{link}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_qurban', 'id', 'reminder',
  'Assalamu''alaikum {{name}}, Iduladha tahun ini jatuh pada {{eidDate}}. Yuk, siapkan hewan qurban Anda lebih awal bersama Qutab: {{link}}', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_qurban', 'en', 'reminder',
  'Assalamu''alaikum {{name}}, Eid al-Adha falls on {{eidDate}} this year. Prepare your qurban animal early with Qutab: {{link}}', 1);
