package id.qutab.affiliate.commissions;

import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Commissions implements PanacheRepositoryBase<Commission, UUID> {

    public Optional<Commission> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One affiliate's commissions, newest first, optionally of one status. Never another affiliate's. */
    public Page<Commission> ofAffiliate(UUID affiliateId, CommissionStatus status, PageRequest page) {
        Parameters params = Parameters.with("affiliate", affiliateId);
        String where = "affiliateId = :affiliate";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        PanacheQuery<Commission> query = find(where, Sort.descending("createdAt").and("id"), params);
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), query.count());
    }
}
