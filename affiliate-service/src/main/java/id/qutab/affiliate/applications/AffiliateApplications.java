package id.qutab.affiliate.applications;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Applying to become an affiliate. One record per user: a first application creates it; a rejected applicant
 * may apply again once {@code qutab.affiliate.reapply-cooldown} has passed, which reopens the same record.
 */
@ApplicationScoped
public class AffiliateApplications {

    private static final Logger LOG = Logger.getLogger(AffiliateApplications.class);
    private static final String ONE_PER_USER = "affiliate_user_id_key";

    @Inject
    Affiliates affiliates;

    @Inject
    ApplicationConfig config;

    public ApplicationView submit(UUID userId, ApplicationRequest request) {
        String whatsapp = WhatsappNumber.normalize(request.whatsapp())
                .orElseThrow(() -> ProblemException.invalid("whatsapp", WhatsappNumber.MESSAGE));
        try {
            return QuarkusTransaction.requiringNew().call(() -> submitIn(userId, request, whatsapp));
        } catch (RuntimeException e) {
            if (Sql.violates(e, ONE_PER_USER)) {
                throw pending(); // a concurrent first application of the same user won
            }
            throw e;
        }
    }

    private ApplicationView submitIn(UUID userId, ApplicationRequest request, String whatsapp) {
        Instant now = Instant.now();
        Optional<Affiliate> existing = affiliates.lockByUser(userId);
        Affiliate affiliate;
        if (existing.isPresent()) {
            affiliate = existing.get();
            switch (affiliate.status) {
                case PENDING -> throw pending();
                case APPROVED, SUSPENDED -> throw ProblemException.conflict("already-affiliate",
                        "This account is already an approved affiliate.");
                case REJECTED -> {
                    Instant after = affiliate.rejectedAt == null ? now : affiliate.rejectedAt.plus(config.reapplyCooldown());
                    if (now.isBefore(after)) {
                        throw ProblemException.rule("reapply-cooldown", "A new application is possible from "
                                + DateTimeFormatter.ISO_INSTANT.format(after) + ".");
                    }
                }
                default -> throw new IllegalStateException();
            }
            affiliate.applications++;
            affiliate.rejectionReason = null;
            affiliate.rejectedAt = null;
        } else {
            affiliate = new Affiliate();
            affiliate.id = UUID.randomUUID();
            affiliate.userId = userId;
            affiliate.applications = 1;
            affiliate.createdAt = now;
        }
        affiliate.status = AffiliateStatus.PENDING;
        affiliate.firstName = request.firstName().trim();
        affiliate.lastName = request.lastName().trim();
        affiliate.whatsapp = whatsapp;
        affiliate.instagram = SocialLinks.handle(request.instagram());
        affiliate.tiktok = SocialLinks.handle(request.tiktok());
        affiliate.city = request.city().trim();
        affiliate.reason = request.reason().trim();
        affiliate.appliedAt = now;
        affiliate.updatedAt = now;
        if (existing.isEmpty()) {
            affiliates.persistAndFlush(affiliate);
        }
        LOG.infof("affiliate application %s submitted (#%d)", affiliate.id, affiliate.applications);
        return ApplicationView.of(affiliate, config);
    }

    @Transactional
    public ApplicationView status(UUID userId) {
        return affiliates.byUser(userId).map(a -> ApplicationView.of(a, config))
                .orElseThrow(() -> ProblemException.notFound("Application"));
    }

    private static ProblemException pending() {
        return ProblemException.conflict("application-pending", "An application is already waiting for review.");
    }
}
