package id.qutab.affiliate.attribution;

import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class Leads implements PanacheRepositoryBase<Lead, UUID> {

    /** One affiliate's leads, newest first, optionally of one status. Never another affiliate's. */
    public Page<Lead> ofAffiliate(UUID affiliateId, LeadStatus status, PageRequest page) {
        Parameters params = Parameters.with("affiliate", affiliateId);
        String where = "affiliateId = :affiliate";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        PanacheQuery<Lead> query = find(where, Sort.descending("occurredAt").and("id"), params);
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), query.count());
    }

    public List<Lead> recent(UUID affiliateId, int n) {
        return find("affiliateId", Sort.descending("occurredAt").and("id"), affiliateId).page(0, n).list();
    }
}
