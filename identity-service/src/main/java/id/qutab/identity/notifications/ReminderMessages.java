package id.qutab.identity.notifications;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code commerce.reminder.due} (commerce's daily reminder job) → {@code reminder_birthday} (or
 * {@code reminder_birthday_gift} when commerce issued a coupon with it), {@code reminder_aqiqah|qurban}. These are
 * promotions: only customers who opted in get them (commerce already picks opted-in customers; identity checks again,
 * because a choice may have changed since). The dedupe key is the reminder id: one message per reminder, however
 * often commerce's job or the relay repeats it.
 */
@ApplicationScoped
public class ReminderMessages {

    private static final Logger LOG = Logger.getLogger(ReminderMessages.class);
    static final String DUE = "commerce.reminder.due";

    @Inject
    WhatsAppMessages whatsapp;

    void onDue(@Observes @EventType(DUE) EventEnvelope event) {
        UUID userId = Payloads.uuid(event.payload(), "userId");
        UUID reminderId = Payloads.uuid(event.payload(), "reminderId");
        String kind = Payloads.text(event.payload(), "kind");
        String coupon = Payloads.text(event.payload(), "couponCode");
        String key = kind == null ? null : switch (kind) {
            case "BIRTHDAY" -> coupon == null || coupon.isBlank() ? TemplateKeys.REMINDER_BIRTHDAY
                    : TemplateKeys.REMINDER_BIRTHDAY_GIFT;
            case "AQIQAH" -> TemplateKeys.REMINDER_AQIQAH;
            case "QURBAN" -> TemplateKeys.REMINDER_QURBAN;
            default -> null;
        };
        if (userId == null || key == null) {
            LOG.warnf("event %s: %s without a user or with an unknown kind; no WhatsApp", event.id(), DUE);
            return;
        }
        String personName = Payloads.text(event.payload(), "personName");
        String link = Payloads.text(event.payload(), "link");
        String eidDate = Payloads.text(event.payload(), "eidDate");
        String dedupe = (reminderId == null ? event.id() : reminderId).toString();
        whatsapp.send(userId, key, dedupe, to -> {
            Map<String, String> values = new HashMap<>();
            values.put("name", to.name());
            values.put("personName", personName);
            values.put("couponCode", coupon);
            values.put("link", link);
            values.put("eidDate", Payloads.day(eidDate, to.english()));
            return values;
        });
    }
}
