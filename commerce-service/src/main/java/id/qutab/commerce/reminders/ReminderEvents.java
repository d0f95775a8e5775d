package id.qutab.commerce.reminders;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.qutab.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * {@code commerce.reminder.due} (CONTRACTS12): recorded in the transaction that writes the reminder_log row, so the
 * event exists exactly when the reminder counts as sent. Identity renders and sends the WhatsApp message.
 */
@ApplicationScoped
public class ReminderEvents {

    public static final String DUE = "commerce.reminder.due";

    @Inject
    Outbox outbox;

    /** Fields that do not apply to the kind are left out. {@code reminderId} is the consumer's dedupe key. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(UUID reminderId, UUID userId, String kind, int year, String personName, String relation,
                          String eidDate, String couponCode, Long couponAmount, String link) {
    }

    void record(Payload payload) {
        outbox.record(DUE, payload.userId().toString(), payload);
    }
}
