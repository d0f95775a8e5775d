package id.qutab.commerce.loyalty;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code qutab.loyalty.*}: earning, expiry and the tier defaults seeded into {@code loyalty_tier} at first start. */
@ConfigMapping(prefix = "qutab.loyalty")
public interface LoyaltyConfig {

    /** Rupiah paid per point before the tier multiplier (1 point per Rp 10 000). */
    @WithDefault("10000")
    long pointsPerRupiah();

    /** Points expire this many calendar months (Asia/Jakarta) after they were credited. */
    @WithDefault("12")
    int expiryMonths();

    /** The zone of calendar months and of the {@code on} dates customers see. */
    @WithDefault("Asia/Jakarta")
    String zone();

    Tiers tiers();

    /** Only the first start uses these: afterwards the table is the truth and admins edit it. */
    interface Tiers {
        Bronze bronze();

        Silver silver();

        Gold gold();
    }

    interface Bronze {
        @WithDefault("Bronze")
        String name();

        @WithDefault("10000")
        int multiplierBps();
    }

    interface Silver {
        @WithDefault("Silver")
        String name();

        @WithDefault("5000000")
        long minSpend();

        @WithDefault("12500")
        int multiplierBps();
    }

    interface Gold {
        @WithDefault("Gold")
        String name();

        @WithDefault("20000000")
        long minSpend();

        @WithDefault("15000")
        int multiplierBps();
    }
}
