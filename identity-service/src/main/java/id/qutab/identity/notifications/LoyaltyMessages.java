package id.qutab.identity.notifications;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code commerce.loyalty.earned} → points earned; {@code commerce.loyalty.tier-changed} → only upgrades. */
@ApplicationScoped
public class LoyaltyMessages {

    private static final Logger LOG = Logger.getLogger(LoyaltyMessages.class);
    static final String EARNED = "commerce.loyalty.earned";
    static final String TIER_CHANGED = "commerce.loyalty.tier-changed";
    /** Ascending; a tier code commerce adds later ranks below all of these and is never an upgrade. */
    static final List<String> TIERS = List.of("BRONZE", "SILVER", "GOLD");

    @Inject
    WhatsAppMessages whatsapp;

    void onEarned(@Observes @EventType(EARNED) EventEnvelope event) {
        UUID userId = Payloads.uuid(event.payload(), "userId");
        Long points = Payloads.number(event.payload(), "points");
        Long balance = Payloads.number(event.payload(), "balanceAfter");
        if (userId == null || points == null || points <= 0) {
            LOG.infof("event %s: %s without a user or positive points; no WhatsApp", event.id(), EARNED);
            return;
        }
        whatsapp.send(userId, TemplateKeys.LOYALTY_POINTS_EARNED, event.id().toString(), to -> Map.of(
                "name", to.name(),
                "points", Payloads.count(points, to.english()),
                "balance", balance == null ? "-" : Payloads.count(balance, to.english())));
    }

    void onTierChanged(@Observes @EventType(TIER_CHANGED) EventEnvelope event) {
        UUID userId = Payloads.uuid(event.payload(), "userId");
        String tier = Payloads.text(event.payload(), "tier");
        String previous = Payloads.text(event.payload(), "previousTier");
        if (userId == null || tier == null || TIERS.indexOf(tier) <= TIERS.indexOf(previous)) {
            return; // a downgrade (yearly review) or no change: not worth a message
        }
        whatsapp.send(userId, TemplateKeys.LOYALTY_TIER_UPGRADED, event.id().toString(), to -> Map.of(
                "name", to.name(),
                "tier", name(tier)));
    }

    /** {@code GOLD} → {@code Gold}: the tier names are the same in both languages. */
    static String name(String code) {
        return code.charAt(0) + code.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
