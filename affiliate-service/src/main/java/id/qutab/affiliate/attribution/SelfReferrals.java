package id.qutab.affiliate.attribution;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SelfReferrals implements PanacheRepositoryBase<SelfReferral, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("flaggedAt").and("orderId");

    /** Newest flag first; all affiliates' when {@code affiliateId} is null. */
    public PanacheQuery<SelfReferral> newestFirst(UUID affiliateId) {
        return affiliateId == null ? findAll(NEWEST_FIRST) : find("affiliateId", NEWEST_FIRST, affiliateId);
    }
}
