package id.qutab.affiliate.tiers;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tiers, lowest threshold first. A handful of rows: read whole. */
@ApplicationScoped
public class TierCatalog implements PanacheRepositoryBase<Tier, UUID> {

    public List<Tier> ladder() {
        return listAll(Sort.ascending("minSales90d"));
    }

    public Map<UUID, Tier> byId() {
        return ladder().stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }

    /** The highest tier whose threshold {@code sales90d} reaches, if any. */
    public Optional<Tier> tierFor(long sales90d) {
        Tier best = null;
        for (Tier tier : ladder()) {
            if (tier.minSales90d <= sales90d) {
                best = tier;
            }
        }
        return Optional.ofNullable(best);
    }

    public String nameOf(UUID tierId) {
        return tierId == null ? null : findByIdOptional(tierId).map(t -> t.name).orElse(null);
    }
}
