package id.qutab.commerce.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.jobs")
public interface JobsConfig {

    PaymentExpiryJob paymentExpiry();

    Retention retention();

    SalesRollup salesRollup();

    /** {@code loyalty-tiers}: reviews customers' tiers (daily). */
    Daily loyaltyTiers();

    /** {@code loyalty-expiry}: expires points older than {@code qutab.loyalty.expiry-months} (daily). */
    Daily loyaltyExpiry();

    interface Daily {
        /** Whether the schedule runs (the admin endpoint works either way). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("24h")
        String every();
    }

    interface SalesRollup {
        /** Whether the schedule runs (the admin endpoint works either way). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1h")
        String every();

        /**
         * How long after its end a Jakarta day is closed and rolled up. Every event is stored with the time it
         * happened, and only a payment can be recorded after the fact (the provider's paid_at, at most the payment
         * window late); a day is rolled once this has passed, so what the rollup stores never changes later.
         */
        @WithDefault("P2D")
        java.time.Duration settle();

        /** Days rolled up per transaction (the first run over years of orders). */
        @WithDefault("31")
        int daysPerBatch();
    }

    interface Retention {
        /** Whether the schedule runs (the admin endpoint works either way). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1h")
        String every();

        /** Idempotency keys of orders older than this are deleted: a retry after it places a new order. */
        @WithDefault("P7D")
        java.time.Duration idempotencyKeys();

        /** Verified payment callbacks (the audit trail) older than this are deleted. */
        @WithDefault("P90D")
        java.time.Duration callbackAudits();

        /** Rows deleted per transaction. */
        @WithDefault("5000")
        int batchSize();
    }

    interface PaymentExpiryJob {
        /** Whether the schedule runs (the admin endpoint works either way). */
        @WithDefault("true")
        boolean enabled();

        /** Schedule period (Quarkus scheduler syntax, e.g. {@code 60s}). */
        @WithDefault("60s")
        String every();

        /** Orders looked at per run. */
        @WithDefault("200")
        int batchSize();
    }
}
