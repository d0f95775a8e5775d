package id.qutab.payout.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * The contact projection for payout mails, fed by {@code identity.user.registered} / {@code .updated}
 * {userId, name, email, locale, ...}; an older event never overwrites a newer one, and after
 * {@code identity.user.deleted} nothing is written again. Deletion also erases the account's personal data.
 */
@ApplicationScoped
public class UserContacts {

    @Inject
    PersonalDataErasure erasure;

    void onRegistered(@Observes @EventType("identity.user.registered") EventEnvelope event) {
        upsert(event);
    }

    void onUpdated(@Observes @EventType("identity.user.updated") EventEnvelope event) {
        upsert(event);
    }

    void onDeleted(@Observes @EventType("identity.user.deleted") EventEnvelope event) {
        UUID userId = userId(event);
        Instant now = Instant.now();
        UserContact contact = UserContact.findById(userId);
        if (contact == null) {
            contact = new UserContact();
            contact.userId = userId;
            contact.sourceChangedAt = changedAt(event);
            contact.persist();
        }
        contact.name = null;
        contact.email = null;
        contact.locale = null;
        if (contact.deletedAt == null) {
            contact.deletedAt = now;
        }
        erasure.eraseUser(userId, now);
    }

    private void upsert(EventEnvelope event) {
        UUID userId = userId(event);
        Instant changedAt = changedAt(event);
        JsonNode p = event.payload();
        UserContact contact = UserContact.findById(userId);
        if (contact == null) {
            contact = new UserContact();
            contact.userId = userId;
            contact.sourceChangedAt = changedAt;
            contact.persist();
        } else if (contact.deletedAt != null || changedAt.isBefore(contact.sourceChangedAt)) {
            return; // deleted for good, or an older state than the one we have
        }
        contact.name = text(p, "name");
        contact.email = text(p, "email");
        contact.locale = text(p, "locale");
        contact.sourceChangedAt = changedAt;
    }

    private static Instant changedAt(EventEnvelope event) {
        return event.occurredAt() != null ? event.occurredAt() : Instant.now();
    }

    private static UUID userId(EventEnvelope event) {
        JsonNode node = event.payload() == null ? null : event.payload().get("userId");
        try {
            return UUID.fromString(node.asText());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(event.type() + ": userId must be a UUID.");
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText();
        return value.length() > 320 ? value.substring(0, 320) : value;
    }
}
