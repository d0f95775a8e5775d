package id.qutab.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The polling relay of this service's outbox. Safe to run in every replica: see {@link OutboxStore}.
 * Besides polling, a commit that recorded events nudges it, so an event usually leaves within
 * milliseconds instead of waiting for the next poll; the poll is the safety net (other replicas' events,
 * retries, a nudge that arrived while a round was finishing).
 * Also keeps the metrics fresh and deletes delivered rows and old inbox ids after their retention.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxStore store;

    @Inject
    EventDelivery delivery;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxMetrics metrics;

    @Inject
    id.qutab.platform.events.EventsConfig events;

    @Inject
    RelayClock clock;

    private ExecutorService executor;
    private ExecutorService nudges;
    private RelayWorker worker;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.relay().concurrency(), r -> {
            Thread t = new Thread(r, "outbox-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        nudges = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay-nudge");
            t.setDaemon(true);
            return t;
        });
        worker = newWorker();
        Duration oneDelivery = config.relay().deliveryTimeout().plusSeconds(2);
        if (config.relay().lease().compareTo(oneDelivery.multipliedBy(2)) < 0) {
            LOG.warnf("qutab.outbox.relay.lease %s is shorter than twice a delivery (%s): chains will renew it"
                    + " before almost every delivery", config.relay().lease(), oneDelivery);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        nudges.shutdown();
        executor.shutdown();
        executor.awaitTermination(config.relay().deliveryTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }

    /** A worker of its own, e.g. to run a second relay side by side in a test. */
    public RelayWorker newWorker() {
        return new RelayWorker(store, delivery, config.relay(), metrics, executor, clock);
    }

    /** Called after a commit that recorded events; coalesces bursts into one extra round. */
    public void nudge() {
        if (!config.relay().enabled() || !nudgeQueued.compareAndSet(false, true)) {
            return;
        }
        nudges.execute(() -> {
            nudgeQueued.set(false);
            drainNow();
        });
    }

    @Scheduled(every = "${qutab.outbox.relay.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class, identity = "outbox-relay")
    void relay() {
        drainNow();
    }

    private void drainNow() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true); // the running round drains once more before it stops
            return;
        }
        try {
            do {
                again.set(false);
                worker.drain(Duration.ofSeconds(10));
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.warn("outbox relay round failed; will retry", e);
        } finally {
            draining.set(false);
        }
    }

    @Scheduled(every = "10s", delay = 1, delayUnit = TimeUnit.SECONDS, identity = "outbox-stats")
    public void refreshStats() {
        try {
            metrics.refresh(store.stats());
        } catch (RuntimeException e) {
            LOG.debug("outbox stats unavailable", e);
        }
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES, identity = "outbox-retention")
    public void retention() {
        Instant now = clock.now();
        int outbox = store.deleteSentBefore(now.minus(config.relay().retention()));
        int inbox = store.deleteInboxBefore(now.minus(events.inboxRetention()));
        if (outbox + inbox > 0) {
            LOG.infof("retention removed %d delivered outbox rows and %d inbox ids", outbox, inbox);
        }
    }

    @Singleton
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        @Inject
        OutboxConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.relay().enabled();
        }
    }
}
