package id.qutab.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "qutab.outbox")
public interface OutboxConfig {

    /** Which event types each destination service receives: {@code qutab.outbox.subscriptions.affiliate=commerce.order.*}. */
    Map<String, List<String>> subscriptions();

    Relay relay();

    interface Relay {
        /** Off in a service's own tests, which drive {@link RelayWorker} by hand. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay polls; commits that record events also nudge it at once. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Heads of aggregates claimed per round. */
        @WithDefault("100")
        int batchSize();

        /** Events of one aggregate delivered in order within one claim. */
        @WithDefault("20")
        int perAggregate();

        /** How long a claim is exclusive; a relay that dies loses its rows to another after this. */
        @WithDefault("60s")
        Duration lease();

        @WithDefault("5s")
        Duration deliveryTimeout();

        /** Aggregates delivered in parallel by one relay. */
        @WithDefault("4")
        int concurrency();

        /**
         * How long a row may stay undeliverable (counted from its first failed attempt) while its consumer is
         * down, times out, or answers 5xx, 408 or 429, before it is {@code DEAD}. An answer that rejects the
         * event itself (any other 4xx) makes it {@code DEAD} at once.
         */
        @WithDefault("72h")
        Duration maxAge();

        @WithDefault("1s")
        Duration backoffBase();

        /** Upper bound of one wait between attempts (jitter included), so a consumer that returns is served soon. */
        @WithDefault("5m")
        Duration backoffMax();

        /** Blocked rows re-examined per round (rows queued behind an undelivered head, see {@link OutboxStore}). */
        @WithDefault("500")
        int parkBatch();

        /** Delivered rows are deleted after this. */
        @WithDefault("7d")
        Duration retention();
    }
}
