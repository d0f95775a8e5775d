package id.qutab.identity.notifications;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.web.FrontendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;

/**
 * {@code affiliate.application.approved} → the code and referral link (and identity remembers whose affiliate id
 * it is); {@code payout.payout.paid} → the amount, to the user behind the affiliate.
 */
@ApplicationScoped
public class AffiliateMessages {

    private static final Logger LOG = Logger.getLogger(AffiliateMessages.class);
    static final String APPROVED = "affiliate.application.approved";
    static final String PAYOUT_PAID = "payout.payout.paid";

    @Inject
    WhatsAppMessages whatsapp;

    @Inject
    EntityManager em;

    @Inject
    FrontendConfig frontend;

    @Inject
    NotificationsConfig config;

    void onApproved(@Observes @EventType(APPROVED) EventEnvelope event) {
        UUID affiliateId = Payloads.uuid(event.payload(), "affiliateId");
        UUID userId = Payloads.uuid(event.payload(), "userId");
        String code = Payloads.text(event.payload(), "code");
        if (affiliateId == null || userId == null) {
            LOG.warnf("event %s: %s without affiliateId or userId; ignored", event.id(), APPROVED);
            return;
        }
        Sql.update(em, """
                INSERT INTO affiliate_contact (affiliate_id, user_id, code, updated_at) VALUES (?1, ?2, ?3, now())
                ON CONFLICT (affiliate_id) DO UPDATE SET user_id = excluded.user_id, code = excluded.code,
                    updated_at = now()""", affiliateId, userId, code);
        if (code == null || code.isBlank()) {
            return;
        }
        whatsapp.send(userId, TemplateKeys.AFFILIATE_APPROVED, event.id().toString(), to -> Map.of(
                "name", to.name(),
                "code", code,
                "referralLink", config.publicBase(frontend) + "r/" + code));
    }

    void onPayoutPaid(@Observes @EventType(PAYOUT_PAID) EventEnvelope event) {
        UUID affiliateId = Payloads.uuid(event.payload(), "affiliateId");
        Long amount = Payloads.number(event.payload(), "amount");
        // a userId in the payload (should payout add one) wins; else the approval identity remembered
        UUID userId = Payloads.uuid(event.payload(), "userId");
        if (userId == null && affiliateId != null) {
            AffiliateContact contact = AffiliateContact.findById(affiliateId);
            userId = contact == null ? null : contact.userId;
        }
        if (userId == null || amount == null) {
            // approved before identity consumed approvals: nobody to tell (see README, "Notifications (WhatsApp)")
            LOG.warnf("event %s: %s for affiliate %s whose user identity does not know; no WhatsApp", event.id(),
                    PAYOUT_PAID, affiliateId);
            return;
        }
        whatsapp.send(userId, TemplateKeys.PAYOUT_PAID, event.id().toString(), to -> Map.of(
                "name", to.name(),
                "amount", Rupiah.format(amount)));
    }
}
