package id.qutab.commerce.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.jobs")
public interface JobsConfig {

    PaymentExpiryJob paymentExpiry();

    Retention retention();

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
