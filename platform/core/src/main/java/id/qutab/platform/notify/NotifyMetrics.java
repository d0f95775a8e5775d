package id.qutab.platform.notify;

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
 * {@code qutab_notifications_pending}, {@code qutab_notifications_oldest_pending_age_seconds},
 * {@code qutab_notifications_failed} (gauges, refreshed by the sender so a scrape never queries the database),
 * and counters {@code qutab_notifications_sent_total{channel,template}},
 * {@code qutab_notifications_send_failures_total{channel}}, {@code qutab_notifications_given_up_total{channel}}.
 */
@Startup
@ApplicationScoped
public class NotifyMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final DoubleAdder oldestAge = new DoubleAdder();

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void register() {
        Gauge.builder("qutab.notifications.pending", pending, AtomicLong::get)
                .description("Messages waiting to be sent").register(registry);
        Gauge.builder("qutab.notifications.oldest.pending.age.seconds", oldestAge, DoubleAdder::sum)
                .description("Age of the oldest unsent message").register(registry);
        Gauge.builder("qutab.notifications.failed", failed, AtomicLong::get)
                .description("Messages given up on (kept until retention)").register(registry);
    }

    void refresh(NotificationStore.Stats stats) {
        pending.set(stats.pending());
        failed.set(stats.failed());
        oldestAge.reset();
        oldestAge.add(stats.oldestPendingAgeSeconds());
    }

    void sent(String channel, String template) {
        Counter.builder("qutab.notifications.sent").tag("channel", channel).tag("template", template)
                .register(registry).increment();
    }

    void failure(String channel, boolean givenUp) {
        Counter.builder("qutab.notifications.send.failures").tag("channel", channel).register(registry).increment();
        if (givenUp) {
            Counter.builder("qutab.notifications.given.up").tag("channel", channel).register(registry).increment();
        }
    }
}
