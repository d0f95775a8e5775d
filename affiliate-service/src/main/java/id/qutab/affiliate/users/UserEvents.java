package id.qutab.affiliate.users;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.affiliate.applications.AffiliateErasure;
import id.qutab.affiliate.support.Payloads;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * The user projection, fed by identity: {@code identity.user.registered} and {@code .updated} keep name, email
 * and phone; {@code .deleted} erases them for good (a late or redelivered {@code registered} never brings them
 * back) and anonymizes what else this service keeps about the person.
 */
@ApplicationScoped
public class UserEvents {

    private static final Logger LOG = Logger.getLogger(UserEvents.class);

    @Inject
    EntityManager em;

    @Inject
    AffiliateErasure erasure;

    @Inject
    Event<UserKnown> known;

    /** Fired (inside the inbox transaction) when a user's contact data became known or changed. */
    public record UserKnown(UUID userId, String name, String email) {
    }

    void onRegistered(@Observes @EventType("identity.user.registered") EventEnvelope event) {
        upsert(event);
    }

    void onUpdated(@Observes @EventType("identity.user.updated") EventEnvelope event) {
        upsert(event);
    }

    void onDeleted(@Observes @EventType("identity.user.deleted") EventEnvelope event) {
        UUID userId = userId(event.payload());
        if (userId == null) {
            LOG.warnf("identity.user.deleted %s without a userId ignored", event.id());
            return;
        }
        Instant now = Instant.now();
        Sql.update(em, """
                INSERT INTO user_contact (user_id, name, email, phone, deleted_at, updated_at)
                VALUES (?1, NULL, NULL, NULL, ?2, ?2)
                ON CONFLICT (user_id) DO UPDATE SET name = NULL, email = NULL, phone = NULL,
                    deleted_at = coalesce(user_contact.deleted_at, excluded.deleted_at), updated_at = excluded.updated_at""",
                userId, now);
        // orders before leads: the lock order of the order events
        Sql.update(em, "UPDATE tracked_order SET customer_name = NULL WHERE user_id = ?1", userId);
        Sql.update(em, "UPDATE lead SET customer_name = NULL, updated_at = ?2 WHERE customer_user_id = ?1", userId, now);
        erasure.eraseUser(userId, now);
        LOG.infof("user %s anonymized", userId);
    }

    private void upsert(EventEnvelope event) {
        JsonNode p = event.payload();
        UUID userId = userId(p);
        if (userId == null) {
            LOG.warnf("%s %s without a userId ignored", event.type(), event.id());
            return;
        }
        String name = text(p, "name");
        String email = text(p, "email");
        String phone = text(p, "phone");
        // A deleted user stays deleted: registered/updated arriving after deleted change nothing.
        int changed = Sql.update(em, """
                INSERT INTO user_contact (user_id, name, email, phone, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (user_id) DO UPDATE SET
                    name = coalesce(excluded.name, user_contact.name),
                    email = coalesce(excluded.email, user_contact.email),
                    phone = coalesce(excluded.phone, user_contact.phone),
                    updated_at = excluded.updated_at
                WHERE user_contact.deleted_at IS NULL""", userId, name, email, phone, Instant.now());
        if (changed > 0) {
            known.fire(new UserKnown(userId, name, email));
        }
    }

    private static UUID userId(JsonNode payload) {
        return Payloads.uuid(payload, "userId");
    }

    private static String text(JsonNode node, String field) {
        return Payloads.text(node, field);
    }
}
