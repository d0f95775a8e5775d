package id.qutab.commerce.loyalty.tiers;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One tier as stored in {@code loyalty_tier} and shown by {@code GET /api/admin/loyalty/tiers}. */
@RegisterForReflection
public record Tier(String code, String name, long minSpend, int multiplierBps) {

    public static final String BRONZE = "BRONZE";
    public static final String SILVER = "SILVER";
    public static final String GOLD = "GOLD";

    /** Lowest first; the only order tiers are ever compared in. */
    public static final java.util.List<String> CODES = java.util.List.of(BRONZE, SILVER, GOLD);

    public static int rank(String code) {
        return CODES.indexOf(code);
    }
}
