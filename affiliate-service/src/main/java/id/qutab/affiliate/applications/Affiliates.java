package id.qutab.affiliate.applications;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Affiliates implements PanacheRepositoryBase<Affiliate, UUID> {

    public Optional<Affiliate> byUser(UUID userId) {
        return find("userId", userId).firstResultOptional();
    }

    public Optional<Affiliate> lockByUser(UUID userId) {
        return find("userId", userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Affiliate> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The affiliate holding this code, compared case-insensitively. */
    public Optional<Affiliate> byCode(String code) {
        return find("lower(code) = ?1", code.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public boolean codeTaken(String code) {
        return count("lower(code) = ?1", code.toLowerCase(Locale.ROOT)) > 0;
    }

    /**
     * Admin list: optional status; {@code q} matches the start of the first name, last name, city or email, or
     * the whole code (all case-insensitive). Newest applications first.
     */
    public Page<Affiliate> search(AffiliateStatus status, String q, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            String term = q.trim().toLowerCase(Locale.ROOT);
            where.append(" and (lower(firstName) like :prefix escape '\\' or lower(lastName) like :prefix escape '\\'"
                    + " or lower(city) like :prefix escape '\\' or lower(code) = :term"
                    + " or userId in (select u.userId from UserContact u where lower(u.email) like :prefix escape '\\'))");
            params.and("prefix", Sql.likeEscape(term) + "%").and("term", term);
        }
        PanacheQuery<Affiliate> query = find(where.toString(), Sort.descending("createdAt").and("id"), params);
        long total = query.count();
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }
}
