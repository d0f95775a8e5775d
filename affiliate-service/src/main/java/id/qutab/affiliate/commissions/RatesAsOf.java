package id.qutab.affiliate.commissions;

import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commission rules and an affiliate's tier bonus as they were at a given moment — the order's payment —
 * read from the history the database keeps of every change (V2 migration: written by triggers, never
 * overwritten). A paid event processed late (a replayed dead letter) thus earns what it earned when paid.
 */
@ApplicationScoped
public class RatesAsOf {

    private static final String RULES = """
            SELECT category, rate_bps, flat_amount_per_unit FROM (
                SELECT DISTINCT ON (category) category, rate_bps, flat_amount_per_unit, active
                FROM commission_rule_history WHERE effective_from <= ?1
                ORDER BY category, effective_from DESC, id DESC) latest
            WHERE active""";

    @Inject
    EntityManager em;

    /** The active rule of each category at {@code at}; a category without one earns nothing. */
    public Map<String, CommissionCalculator.Rate> rules(Instant at) {
        Map<String, CommissionCalculator.Rate> rates = new HashMap<>();
        for (Object[] row : Sql.rows(em, RULES, at)) {
            rates.put((String) row[0], new CommissionCalculator.Rate(row[1] == null ? null : ((Number) row[1]).intValue(),
                    row[2] == null ? null : Sql.longValue(row[2])));
        }
        return rates;
    }

    /**
     * The bonus of the tier the affiliate was on at {@code at}, as that tier's bonus was then. An order paid
     * before the affiliate's first tier (approval) takes that first tier: there is nothing earlier to go by.
     */
    public int tierBonusBps(UUID affiliateId, Instant at) {
        List<Object[]> tier = asOf("affiliate_tier_history", "affiliate_id", affiliateId, "tier_id", at);
        if (tier.isEmpty() || tier.get(0)[0] == null) {
            return 0;
        }
        List<Object[]> bonus = asOf("tier_bonus_history", "tier_id", tier.get(0)[0], "bonus_bps", at);
        return bonus.isEmpty() ? 0 : ((Number) bonus.get(0)[0]).intValue();
    }

    /** The latest row of a history at {@code at}, else its earliest. Names are constants of this class. */
    private List<Object[]> asOf(String table, String key, Object id, String column, Instant at) {
        List<Object[]> rows = Sql.rows(em, "SELECT " + column + ", 0 FROM " + table + " WHERE " + key
                + " = ?1 AND effective_from <= ?2 ORDER BY effective_from DESC, id DESC LIMIT 1", id, at);
        if (rows.isEmpty()) {
            rows = Sql.rows(em, "SELECT " + column + ", 0 FROM " + table + " WHERE " + key
                    + " = ?1 ORDER BY effective_from, id LIMIT 1", id);
        }
        return rows;
    }
}
