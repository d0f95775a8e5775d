package id.qutab.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Relay metrics for Prometheus: {@code qutab_outbox_pending}, {@code qutab_outbox_oldest_pending_age_seconds}
 * (the lag: by {@code occurred_at}, over every {@code PENDING} row, so rows waiting out a backoff during a
 * consumer outage count), {@code qutab_outbox_dead}, and counters of deliveries and failures per destination.
 * Gauges are refreshed by {@link OutboxRelay#refreshStats()}, so a scrape never queries the database.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final DoubleAdder oldestAge = new DoubleAdder();

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void register() {
        Gauge.builder("qutab.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows waiting for delivery").register(registry);
        Gauge.builder("qutab.outbox.oldest.pending.age.seconds", oldestAge, DoubleAdder::sum)
                .description("Age of the oldest undelivered PENDING event, waiting out a backoff or queued behind one included (relay lag)").register(registry);
        Gauge.builder("qutab.outbox.dead", dead, AtomicLong::get)
                .description("Outbox rows refused by their consumer or undeliverable for longer than max-age").register(registry);
    }

    void refresh(OutboxStore.OutboxStats stats) {
        pending.set(stats.pending());
        dead.set(stats.dead());
        oldestAge.reset();
        oldestAge.add(stats.oldestPendingAgeSeconds());
    }

    void delivered(String destination) {
        Counter.builder("qutab.outbox.delivered").tag("destination", destination).register(registry).increment();
    }

    void failed(String destination, boolean dead) {
        Counter.builder("qutab.outbox.delivery.failures").tag("destination", destination).register(registry).increment();
        if (dead) {
            Counter.builder("qutab.outbox.dead.letters").tag("destination", destination).register(registry).increment();
        }
    }
}
