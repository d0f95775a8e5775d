package id.qutab.payout.payouts;

import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Payout lists and single payouts: an affiliate's own (others' are 404), and all of them for admins. */
@ApplicationScoped
public class PayoutHistory {

    @Inject
    PayoutViews views;

    @Transactional
    public Page<PayoutViews.PayoutView> ofUser(UUID userId, String status, PageRequest page) {
        UUID affiliateId = PayoutAccount.keyOfUser(userId).map(k -> k.affiliateId()).orElse(null);
        if (affiliateId == null) {
            return new Page<>(java.util.List.of(), page.page(), page.size(), 0);
        }
        PayoutStatus wanted = parseStatus(status);
        Parameters params = Parameters.with("affiliate", affiliateId);
        String query = "affiliateId = :affiliate";
        if (wanted != null) {
            query += " and status = :status";
            params.and("status", wanted);
        }
        PanacheQuery<Payout> found = Payout.find(query, Sort.descending("requestedAt").and("id"), params);
        return new Page<>(found.page(page.page(), page.size()).list(), page.page(), page.size(), found.count())
                .map(p -> views.of(p, false));
    }

    /** The caller's own payout; someone else's is "not found", never the resource. */
    @Transactional
    public Payout ownedBy(UUID userId, UUID payoutId) {
        UUID affiliateId = PayoutAccount.keyOfUser(userId).map(k -> k.affiliateId()).orElse(null);
        Payout payout = Payout.findById(payoutId);
        if (payout == null || affiliateId == null || !payout.affiliateId.equals(affiliateId)) {
            throw ProblemException.notFound("Payout");
        }
        return payout;
    }

    @Transactional
    public PayoutViews.PayoutView ownView(UUID userId, UUID payoutId) {
        return views.of(ownedBy(userId, payoutId), true);
    }

    @Transactional
    public Page<PayoutViews.AdminPayoutView> all(String status, UUID affiliateId, PageRequest page) {
        PayoutStatus wanted = parseStatus(status);
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (wanted != null) {
            query.append(" and status = :status");
            params.and("status", wanted);
        }
        if (affiliateId != null) {
            query.append(" and affiliateId = :affiliate");
            params.and("affiliate", affiliateId);
        }
        // Oldest first: the processing queue reads from the top.
        PanacheQuery<Payout> found = Payout.find(query.toString(), Sort.ascending("requestedAt").and("id"), params);
        return new Page<>(found.page(page.page(), page.size()).list(), page.page(), page.size(), found.count())
                .map(p -> views.admin(p, false));
    }

    @Transactional
    public Payout get(UUID payoutId) {
        return Payout.<Payout>findByIdOptional(payoutId).orElseThrow(() -> ProblemException.notFound("Payout"));
    }

    @Transactional
    public PayoutViews.AdminPayoutView adminView(UUID payoutId) {
        return views.admin(get(payoutId), true);
    }

    public static PayoutStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PayoutStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(PayoutStatus.values()));
        }
    }
}
