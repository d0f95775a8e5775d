package id.qutab.affiliate.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CommissionRules implements PanacheRepositoryBase<CommissionRule, UUID> {

    public boolean categoryTaken(String category, UUID except) {
        return except == null ? count("category", category) > 0 : count("category = ?1 and id <> ?2", category, except) > 0;
    }
}
