package id.qutab.affiliate.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class CommissionRules implements PanacheRepositoryBase<CommissionRule, UUID> {

    /** Active rules by category, as commissions are calculated at payment time. */
    public Map<String, CommissionRule> activeByCategory() {
        return list("active", Sort.ascending("category"), true).stream()
                .collect(Collectors.toMap(r -> r.category, Function.identity()));
    }

    public boolean categoryTaken(String category, UUID except) {
        return except == null ? count("category", category) > 0 : count("category = ?1 and id <> ?2", category, except) > 0;
    }
}
