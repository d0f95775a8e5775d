package id.qutab.commerce.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.jobs")
public interface JobsConfig {

    PaymentExpiryJob paymentExpiry();

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
