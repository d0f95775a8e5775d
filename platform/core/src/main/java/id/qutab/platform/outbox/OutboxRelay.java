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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The polling relay of this service's outbox. Safe to run in every replica: see {@link OutboxStore}.
 * Besides polling, a commit that recorded events nudges it, so an event leaves within milliseconds instead of
 * waiting for the next poll, also while other rounds are delivering (see {@link #drainNow()}); the poll is the
 * safety net (other replicas' events, retries, backoffs that end).
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
    private ThreadPoolExecutor rounds;
    private RelayWorker worker;
    private int maxRounds;
    /** Rounds running now (at most {@link #maxRounds}). */
    private final AtomicInteger active = new AtomicInteger();
    /** Someone (a nudge, the poll) asked for a round that no running round has started yet. */
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.relay().concurrency(), r -> {
            Thread t = new Thread(r, "outbox-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // As many rounds at once as chains may be delivered at once (counted by `active`, not by the pool, whose
        // threads may still be finishing a round they no longer count): a round waits for its slowest chain, and
        // an event committed meanwhile must not wait for it too. Idle round threads go away after a minute.
        maxRounds = Math.max(1, config.relay().concurrency());
        AtomicInteger r = new AtomicInteger();
        rounds = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread t = new Thread(runnable, "outbox-relay-round-" + r.incrementAndGet());
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
        rounds.shutdown();
        executor.shutdown();
        executor.awaitTermination(config.relay().deliveryTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }

    /** A worker of its own, e.g. to run a second relay side by side in a test. */
    public RelayWorker newWorker() {
        return new RelayWorker(store, delivery, config.relay(), metrics, executor, clock);
    }

    /**
     * Called after a commit that recorded events (on the committing thread: it only flips two atomics and hands a
     * round to a thread); bursts coalesce into the rounds already starting.
     */
    public void nudge() {
        if (config.relay().enabled()) {
            drainNow();
        }
    }

    @Scheduled(every = "${qutab.outbox.relay.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class, identity = "outbox-relay")
    void relay() {
        drainNow();
    }

    /**
     * Asks for a round and starts one at once unless {@code concurrency} rounds are running, in which case one of them takes
     * the request when its round ends. A round already running does not hold a new event back: its claim was made
     * before the event committed, and it waits for its slowest chain (a consumer answering slowly, a timeout), so
     * the new event gets a round of its own. Rounds running side by side are safe as relays in several replicas
     * are: their claims lock and lease different aggregates ({@link OutboxStore}).
     *
     * <p>No request is lost: a caller says it wants a round ({@code again}) before it looks at the rounds running;
     * a round takes requests until none is left, and after it stops counting itself as running it looks once
     * more (and takes a slot again if there is a request). So a caller that found every slot taken is served by a
     * round that was still running then.
     */
    private void drainNow() {
        again.set(true);
        if (takeSlot()) {
            try {
                rounds.execute(this::rounds);
            } catch (RejectedExecutionException e) {
                active.decrementAndGet(); // shutting down
            }
        }
    }

    private boolean takeSlot() {
        while (true) {
            int running = active.get();
            if (running >= maxRounds) {
                return false;
            }
            if (active.compareAndSet(running, running + 1)) {
                return true;
            }
        }
    }

    private void rounds() {
        do {
            try {
                while (again.getAndSet(false)) {
                    worker.drain(Duration.ofSeconds(10));
                }
            } catch (RuntimeException e) {
                LOG.warn("outbox relay round failed; will retry", e);
                return; // the next nudge or poll retries; no busy loop on a database that is down
            } finally {
                active.decrementAndGet();
            }
            // asked for after our last look but while every slot was taken: serve it on this thread
        } while (again.get() && takeSlot());
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
