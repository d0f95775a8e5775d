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

        /**
         * How long a claim is exclusive; a relay that dies (kill -9) loses its rows to another, e.g. its own
         * restarted process, after this. A relay still delivering renews it, so a slow chain keeps its claim.
         * Must be more than twice {@code delivery-timeout} + 2 s (connect), the time one delivery may take.
         */
        @WithDefault("15s")
        Duration lease();

        @WithDefault("5s")
        Duration deliveryTimeout();

        /**
         * While a destination has heads waiting out a backoff, one of them is tried this often even though it is
         * not due, and the first delivery that succeeds makes all of them due: a consumer that returns is served
         * within this, not after its rows' backoff (up to {@code backoff-max}).
         */
        @WithDefault("5s")
        Duration probeInterval();

        /**
         * Aggregates delivered in parallel by one relay, and rounds it runs side by side: a commit's nudge starts a
         * round of its own while fewer are running, so an event never waits for a round busy with a slow consumer.
         */
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
