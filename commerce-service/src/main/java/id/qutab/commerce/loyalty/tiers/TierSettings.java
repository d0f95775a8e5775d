package id.qutab.commerce.loyalty.tiers;

import id.qutab.commerce.loyalty.LoyaltyConfig;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The tier table: seeded from {@code qutab.loyalty.tiers.*} at the first start (afterwards the configuration is
 * ignored, so an admin's edit survives a restart), replaced as a whole by admins.
 */
@ApplicationScoped
public class TierSettings {

    public static final int MIN_MULTIPLIER = 10_000;
    public static final int MAX_MULTIPLIER = 50_000;

    @Inject
    EntityManager em;

    @Inject
    LoyaltyConfig config;

    void seed(@Observes StartupEvent start) {
        LoyaltyConfig.Tiers t = config.tiers();
        List<Tier> defaults = List.of(
                new Tier(Tier.BRONZE, t.bronze().name(), 0, t.bronze().multiplierBps()),
                new Tier(Tier.SILVER, t.silver().name(), t.silver().minSpend(), t.silver().multiplierBps()),
                new Tier(Tier.GOLD, t.gold().name(), t.gold().minSpend(), t.gold().multiplierBps()));
        validate(defaults);
        QuarkusTransaction.requiringNew().run(() -> {
            // several instances may start at once: the first insert wins, the others change nothing
            for (Tier tier : defaults) {
                Sql.update(em, """
                        INSERT INTO loyalty_tier (code, name, min_spend, multiplier_bps) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (code) DO NOTHING""", tier.code(), tier.name(), tier.minSpend(), tier.multiplierBps());
            }
        });
    }

    /** All three tiers, lowest first. */
    public List<Tier> list() {
        return Sql.rows(em, "SELECT code, name, min_spend, multiplier_bps FROM loyalty_tier ORDER BY min_spend, code")
                .stream().map(r -> new Tier((String) r[0], (String) r[1], Sql.longValue(r[2]),
                        ((Number) r[3]).intValue())).sorted(java.util.Comparator.comparingInt(x -> Tier.rank(x.code())))
                .toList();
    }

    public Tier get(String code) {
        return list().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    /** The highest tier whose minimum the spend reaches. */
    public Tier forSpend(List<Tier> tiers, long spend) {
        Tier best = tiers.get(0);
        for (Tier t : tiers) {
            if (spend >= t.minSpend()) {
                best = t;
            }
        }
        return best;
    }

    @Transactional
    public List<Tier> replace(List<Tier> tiers) {
        validate(tiers);
        for (Tier t : tiers) {
            Sql.update(em, """
                    UPDATE loyalty_tier SET name = ?2, min_spend = ?3, multiplier_bps = ?4, updated_at = now()
                    WHERE code = ?1""", t.code(), t.name().trim(), t.minSpend(), t.multiplierBps());
        }
        return list();
    }

    /** BRONZE, SILVER, GOLD in that order, BRONZE from 0, minimums strictly ascending, multipliers 1x..5x. */
    static void validate(List<Tier> tiers) {
        if (tiers == null || tiers.size() != Tier.CODES.size()) {
            throw ProblemException.invalid("tiers", "must list exactly BRONZE, SILVER and GOLD");
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            String field = "tiers[" + i + "]";
            if (t == null || !Tier.CODES.get(i).equals(t.code())) {
                throw ProblemException.invalid(field + ".code", "must be " + Tier.CODES.get(i) + " (tiers in ascending order)");
            }
            if (t.name() == null || t.name().isBlank() || t.name().length() > 60) {
                throw ProblemException.invalid(field + ".name", "must be 1 to 60 characters");
            }
            if (t.multiplierBps() < MIN_MULTIPLIER || t.multiplierBps() > MAX_MULTIPLIER) {
                throw ProblemException.invalid(field + ".multiplierBps",
                        "must be between " + MIN_MULTIPLIER + " and " + MAX_MULTIPLIER);
            }
            if (i == 0 && t.minSpend() != 0) {
                throw ProblemException.invalid(field + ".minSpend", "must be 0 for BRONZE");
            }
            if (i > 0 && t.minSpend() <= tiers.get(i - 1).minSpend()) {
                throw ProblemException.invalid(field + ".minSpend", "must be more than the tier below");
            }
            if (t.minSpend() > 1_000_000_000_000L) {
                throw ProblemException.invalid(field + ".minSpend", "must be at most 1000000000000");
            }
        }
    }
}
