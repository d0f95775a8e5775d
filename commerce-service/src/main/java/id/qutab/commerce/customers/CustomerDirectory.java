package id.qutab.commerce.customers;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The customer projection: {@code identity.user.registered} creates or refreshes it,
 * {@code identity.user.deleted} erases the personal data commerce holds (orders are kept, anonymized).
 */
@ApplicationScoped
public class CustomerDirectory {

    private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);
    private static final Set<String> LOCALES = Set.of("id", "en");
    public static final String ANONYMIZED = "(dihapus)";

    @Inject
    EntityManager em;

    @Inject
    MailConfig mail;

    public Optional<Customer> find(UUID userId) {
        return Customer.<Customer>findByIdOptional(userId).filter(c -> c.deletedAt == null);
    }

    void onRegistered(@Observes @EventType("identity.user.registered") EventEnvelope event) {
        JsonNode p = event.payload();
        UUID userId = uuid(p.path("userId").asText(null));
        if (userId == null) {
            LOG.warnf("event %s: identity.user.registered without a userId; ignored", event.id());
            return;
        }
        String locale = p.path("locale").asText(mail.defaultLocale()).toLowerCase();
        if (locale.length() > 2) {
            locale = locale.substring(0, 2);
        }
        if (!LOCALES.contains(locale)) {
            locale = mail.defaultLocale();
        }
        Sql.update(em, """
                INSERT INTO customer (id, name, email, phone, locale) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
                    locale = excluded.locale, updated_at = now()
                WHERE customer.deleted_at IS NULL""",
                userId, text(p, "name"), text(p, "email"), text(p, "phone"), locale);
    }

    /**
     * {@code identity.user.preferences-changed}: promotions are accepted when WhatsApp or mail promotions are on.
     * Only a preference newer than the stored one applies (its {@code at}, else the event's time), so a late
     * redelivery of an older change does not undo a newer one. A deleted customer stays opted out.
     */
    void onPreferencesChanged(@Observes @EventType("identity.user.preferences-changed") EventEnvelope event) {
        JsonNode p = event.payload();
        UUID userId = uuid(p.path("userId").asText(null));
        if (userId == null) {
            LOG.warnf("event %s: identity.user.preferences-changed without a userId; ignored", event.id());
            return;
        }
        boolean promotions = p.path("whatsapp").path("promotions").asBoolean(false)
                || p.path("email").path("promotions").asBoolean(false);
        Instant at = instant(p.path("at").asText(null));
        if (at == null) {
            at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        }
        Sql.update(em, """
                INSERT INTO customer (id, promotions_opt_in, preferences_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (id) DO UPDATE SET promotions_opt_in = excluded.promotions_opt_in,
                    preferences_at = excluded.preferences_at, updated_at = now()
                WHERE customer.deleted_at IS NULL
                  AND (customer.preferences_at IS NULL OR customer.preferences_at < excluded.preferences_at)""",
                userId, promotions, at);
    }

    void onDeleted(@Observes @EventType("identity.user.deleted") EventEnvelope event) {
        UUID userId = uuid(event.payload().path("userId").asText(null));
        if (userId == null) {
            LOG.warnf("event %s: identity.user.deleted without a userId; ignored", event.id());
            return;
        }
        Sql.update(em, """
                INSERT INTO customer (id, name, email, phone, deleted_at) VALUES (?1, NULL, NULL, NULL, now())
                ON CONFLICT (id) DO UPDATE SET name = NULL, email = NULL, phone = NULL, deleted_at = now(),
                    promotions_opt_in = FALSE, updated_at = now()""", userId);
        Sql.update(em, "DELETE FROM wishlist_item WHERE user_id = ?1", userId);
        // Orders stay (accounting, commissions); who received them does not.
        Sql.update(em, """
                UPDATE customer_order SET recipient_name = ?2, recipient_phone = NULL, recipient_notes = NULL,
                    updated_at = now()
                WHERE user_id = ?1""", userId, ANONYMIZED);
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
