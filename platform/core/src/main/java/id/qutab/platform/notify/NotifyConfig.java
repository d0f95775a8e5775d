package id.qutab.platform.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "qutab.notify")
public interface NotifyConfig {

    /** How long a message without its own {@link Message#sendUntil()} is retried before it is {@code FAILED}. */
    @WithDefault("72h")
    Duration maxAge();

    /** {@code SENT} and {@code FAILED} rows are deleted after this. */
    @WithDefault("7d")
    Duration retention();

    Sender sender();

    interface Sender {
        @WithDefault("true")
        boolean enabled();

        /** The safety-net poll; a commit that recorded a message nudges the sender at once. */
        @WithDefault("5s")
        Duration pollInterval();

        /** Messages claimed per round. */
        @WithDefault("50")
        int batchSize();

        /** How long a claim is exclusive; a sender that dies gives its rows to another after this. */
        @WithDefault("2m")
        Duration lease();

        /** One delivery (an SMTP conversation) longer than this counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();

        @WithDefault("10s")
        Duration backoffBase();

        /** Retries of one message are never further apart than this. */
        @WithDefault("5m")
        Duration backoffMax();
    }
}
