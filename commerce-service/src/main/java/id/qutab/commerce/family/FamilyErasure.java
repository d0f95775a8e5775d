package id.qutab.commerce.family;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * {@code identity.user.deleted}: the family's names and birth dates, and the reminders sent about them, go with the
 * account (in the inbox transaction, beside CustomerDirectory's anonymization). The customer's unused personal
 * coupons are switched off: nobody can redeem them any more.
 */
@ApplicationScoped
public class FamilyErasure {

    @Inject
    EntityManager em;

    void onDeleted(@Observes @EventType("identity.user.deleted") EventEnvelope event) {
        UUID userId;
        try {
            userId = UUID.fromString(event.payload().path("userId").asText(""));
        } catch (IllegalArgumentException e) {
            return; // CustomerDirectory logs it
        }
        Sql.update(em, "DELETE FROM family_member WHERE user_id = ?1", userId);
        Sql.update(em, "DELETE FROM reminder_log WHERE user_id = ?1", userId);
        Sql.update(em, "UPDATE coupon SET active = FALSE, updated_at = now() WHERE owner_user_id = ?1 AND active", userId);
    }
}
