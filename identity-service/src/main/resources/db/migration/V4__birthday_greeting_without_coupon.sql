-- A birthday greeting is sent with a coupon only when commerce's reminders are configured with a birthday gift
-- (qutab.reminders.birthday-coupon-amount > 0, off by default). Version 1 of reminder_birthday names a coupon code,
-- so without a gift the customer read "use coupon code -". reminder_birthday (version 2) is now the plain
-- greeting; reminder_birthday_gift carries the code. Versions are immutable rows: version 1 stays for the
-- messages sent with it.
INSERT INTO message_template (id, channel, template_key, locale, category, body, version) VALUES
 (gen_random_uuid(), 'WHATSAPP', 'reminder_birthday', 'id', 'reminder',
  'Halo {{name}}, selamat ulang tahun untuk {{personName}}! Semoga selalu sehat dan penuh berkah. Salam hangat dari Qutab.', 2),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_birthday', 'en', 'reminder',
  'Hello {{name}}, happy birthday to {{personName}}! Wishing them health and blessings. Warm regards from Qutab.', 2),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_birthday_gift', 'id', 'reminder',
  'Halo {{name}}, selamat ulang tahun untuk {{personName}}! Semoga selalu sehat dan penuh berkah. Sebagai hadiah dari Qutab, gunakan kode kupon {{couponCode}} pada pesanan Anda berikutnya.', 1),
 (gen_random_uuid(), 'WHATSAPP', 'reminder_birthday_gift', 'en', 'reminder',
  'Hello {{name}}, happy birthday to {{personName}}! Wishing them health and blessings. As a gift from Qutab, use coupon code {{couponCode}} on your next order.', 1);
