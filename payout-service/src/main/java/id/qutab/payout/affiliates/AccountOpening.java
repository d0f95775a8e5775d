package id.qutab.payout.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code affiliate.application.approved {affiliateId, userId, code}} opens the affiliate's payout account: from
 * then on the user (JWT {@code sub}) can give bank details, upload a KTP and request payouts, and this service
 * knows which affiliate's ledger is theirs. A repeat (or a later re-approval) keeps the account and updates the code.
 */
@ApplicationScoped
public class AccountOpening {

    private static final Logger LOG = Logger.getLogger(AccountOpening.class);

    void onApproved(@Observes @EventType("affiliate.application.approved") EventEnvelope event) {
        JsonNode p = event.payload();
        UUID affiliateId = uuid(p, "affiliateId");
        UUID userId = uuid(p, "userId");
        String code = p.hasNonNull("code") ? p.get("code").asText() : null;

        PayoutAccount existing = PayoutAccount.byAffiliate(affiliateId).orElse(null);
        if (existing != null) {
            if (!existing.userId.equals(userId)) {
                throw ProblemException.badRequest("affiliate.application.approved: affiliate " + affiliateId
                        + " already has a payout account for another user.");
            }
            if (code != null) {
                existing.affiliateCode = code;
            }
            return;
        }
        if (PayoutAccount.byUser(userId).isPresent()) {
            throw ProblemException.badRequest("affiliate.application.approved: user " + userId
                    + " already has a payout account for another affiliate.");
        }
        PayoutAccount account = new PayoutAccount();
        account.id = UUID.randomUUID();
        account.affiliateId = affiliateId;
        account.userId = userId;
        account.affiliateCode = code;
        account.openedAt = Instant.now();
        account.persist();
        LOG.infof("payout account %s opened for affiliate %s", account.id, affiliateId);
    }

    private static UUID uuid(JsonNode payload, String field) {
        JsonNode node = payload == null ? null : payload.get(field);
        try {
            return UUID.fromString(node.asText());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("affiliate.application.approved: " + field + " must be a UUID.");
        }
    }
}
