package id.qutab.affiliate.demo;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.applications.AffiliateReview;
import id.qutab.affiliate.applications.AffiliateStatus;
import id.qutab.affiliate.applications.Affiliates;
import id.qutab.affiliate.codes.ReferralCodeGenerator;
import id.qutab.affiliate.users.UserEvents;
import id.qutab.platform.demo.DemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * With {@code qutab.demo.seed=true}: as soon as identity's demo affiliate account ({@code affiliate@qutab.local})
 * is known here, it gets an approved affiliate record with the code {@code SITIQURBAN}, so a local run has a
 * working {@code /r/SITIQURBAN} link. Idempotent: an existing affiliate record of that user is left alone.
 * (Commission rules and tiers are seeded by Flyway, with or without the flag.)
 */
@ApplicationScoped
public class DemoAffiliate {

    private static final Logger LOG = Logger.getLogger(DemoAffiliate.class);

    @Inject
    DemoConfig config;

    @Inject
    Affiliates affiliates;

    @Inject
    AffiliateReview review;

    @Inject
    ReferralCodeGenerator generator;

    void onUserKnown(@Observes UserEvents.UserKnown user) {
        if (!config.seed() || user.email() == null
                || !user.email().trim().equalsIgnoreCase(config.affiliateEmail().trim())) {
            return;
        }
        if (affiliates.byUser(user.userId()).isPresent()) {
            return;
        }
        Instant now = Instant.now();
        Affiliate a = new Affiliate();
        a.id = UUID.randomUUID();
        a.userId = user.userId();
        a.status = AffiliateStatus.PENDING;
        String[] names = (user.name() == null ? "Siti Rahayu" : user.name().replace("(demo)", "").trim()).split("\\s+", 2);
        a.firstName = names[0];
        a.lastName = names.length > 1 ? names[1] : "";
        a.whatsapp = "+6281200000002";
        a.city = "Jakarta";
        a.reason = "Akun affiliate demo";
        a.appliedAt = now;
        a.applications = 1;
        a.instagram = "qutab.demo";
        a.createdAt = now;
        a.updatedAt = now;
        affiliates.persistAndFlush(a);
        String code = config.affiliateCode();
        if (!ReferralCodeGenerator.CUSTOM.matcher(code).matches() || affiliates.codeTaken(code)) {
            do {
                code = generator.generate();
            } while (affiliates.codeTaken(code));
        }
        review.approveWith(null, a.id, code, true);
        LOG.infof("demo affiliate %s approved with code %s", user.email().toLowerCase(Locale.ROOT), code);
    }
}
