package id.qutab.payout.payouts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "qutab.payout")
public interface PayoutConfig {

    /** Smallest payout request, in rupiah (API.md). */
    @WithDefault("100000")
    long minimum();

    /** How long a payout request's Idempotency-Key is remembered (longer than any client retries it). */
    @WithDefault("30d")
    Duration idempotencyKeyRetention();
}
