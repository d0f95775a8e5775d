package id.qutab.commerce.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.UUID;

/** Keeps the projection of approved affiliates' codes (referral validation, coupon ownership). */
@ApplicationScoped
public class AffiliateCodes {

    private static final Logger LOG = Logger.getLogger(AffiliateCodes.class);

    @Inject
    EntityManager em;

    void onApproved(@Observes @EventType("affiliate.application.approved") EventEnvelope event) {
        JsonNode p = event.payload();
        String affiliateId = p.path("affiliateId").asText(null);
        String userId = p.path("userId").asText(null);
        String code = p.path("code").asText(null);
        if (affiliateId == null || userId == null || code == null || code.isBlank()) {
            LOG.warnf("event %s: affiliate.application.approved without affiliateId/userId/code; ignored", event.id());
            return;
        }
        Sql.update(em, """
                INSERT INTO affiliate_code (affiliate_id, user_id, code, approved_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (affiliate_id) DO UPDATE SET user_id = excluded.user_id, code = excluded.code""",
                UUID.fromString(affiliateId), UUID.fromString(userId), code.trim(),
                event.occurredAt() == null ? java.time.Instant.now() : event.occurredAt());
    }
}
