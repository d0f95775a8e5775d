package id.qutab.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One relay's round: claim, deliver each aggregate's chain in order, mark exactly what was delivered.
 * Several workers (threads, processes, replicas) may run at once; {@link OutboxStore} keeps them apart.
 */
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    private final OutboxStore store;
    private final EventDelivery delivery;
    private final OutboxConfig.Relay config;
    private final OutboxMetrics metrics;
    private final ExecutorService executor;
    private final RelayClock clock;

    public RelayWorker(OutboxStore store, EventDelivery delivery, OutboxConfig.Relay config, OutboxMetrics metrics,
                       ExecutorService executor, RelayClock clock) {
        this.store = store;
        this.delivery = delivery;
        this.config = config;
        this.metrics = metrics;
        this.executor = executor;
        this.clock = clock;
    }

    /** Runs rounds until nothing is claimable or {@code budget} is spent; returns rows delivered. */
    public int drain(Duration budget) {
        long stop = System.nanoTime() + budget.toNanos();
        int delivered = 0;
        while (System.nanoTime() - stop < 0) {
            Round round = runOnce();
            delivered += round.delivered();
            if (round.claimed() == 0 || round.delivered() == 0) {
                break;
            }
        }
        return delivered;
    }

    /** One claim and its deliveries (after parking what was recorded behind waiting heads). */
    public Round runOnce() {
        try {
            store.park(config.parkBatch());
        } catch (RuntimeException e) {
            // parking only keeps rows out of the claim's way; a round delivers without it
            LOG.debug("outbox park skipped", e);
        }
        UUID owner = UUID.randomUUID();
        List<OutboxRow> claimed = store.claim(owner, config.batchSize(), config.perAggregate(), config.lease());
        if (claimed.isEmpty()) {
            return new Round(0, 0);
        }
        Map<String, List<OutboxRow>> chains = new LinkedHashMap<>();
        for (OutboxRow row : claimed) {
            chains.computeIfAbsent(row.chainKey(), k -> new ArrayList<>()).add(row);
        }
        List<Future<Integer>> running = new ArrayList<>();
        for (List<OutboxRow> chain : chains.values()) {
            running.add(executor.submit(() -> deliverChain(chain, owner)));
        }
        int delivered = 0;
        for (Future<Integer> f : running) {
            try {
                delivered += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.error("relay chain failed", e);
            }
        }
        return new Round(claimed.size(), delivered);
    }

    /** Claims without delivering: what a relay that dies right after claiming leaves behind (tests). */
    public List<OutboxRow> claimAndAbandon() {
        return store.claim(UUID.randomUUID(), config.batchSize(), config.perAggregate(), config.lease());
    }

    private int deliverChain(List<OutboxRow> chain, UUID owner) {
        // Stop well before the lease ends, so a slow round never overlaps another relay's claim.
        Duration safety = min(config.deliveryTimeout().plusSeconds(2), config.lease().dividedBy(2));
        int delivered = 0;
        for (int i = 0; i < chain.size(); i++) {
            OutboxRow row = chain.get(i);
            if (clock.now().plus(safety).isAfter(row.leaseUntil())) {
                store.release(ids(chain, i), owner);
                return delivered;
            }
            EventDelivery.Result result = deliverSafely(row);
            if (result.outcome() == EventDelivery.Outcome.DELIVERED) {
                if (!store.markSent(row.id(), owner)) {
                    return delivered; // lease lost: whoever holds it now delivers the rest
                }
                metrics.delivered(row.destination());
                delivered++;
                continue;
            }
            int attempt = row.attempts() + 1;
            boolean rejected = result.outcome() == EventDelivery.Outcome.REJECTED;
            Duration retryIn = Backoff.after(attempt, config.backoffBase(), config.backoffMax());
            String status = store.markFailed(row.id(), owner, result.error(), rejected, retryIn, config.maxAge())
                    .orElse("LOST");
            metrics.failed(row.destination(), "DEAD".equals(status));
            LOG.warnf("event %s (%s) to %s failed, attempt %d, now %s: %s", row.eventId(), row.eventType(),
                    row.destination(), attempt, status, result.error());
            store.release(ids(chain, i + 1), owner); // later events of this aggregate wait behind it
            return delivered;
        }
        return delivered;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private EventDelivery.Result deliverSafely(OutboxRow row) {
        try {
            return delivery.deliver(row);
        } catch (RuntimeException e) {
            // e.g. no URL configured for the destination: the operator can fix that, so it is retried
            return new EventDelivery.Result(EventDelivery.Outcome.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<UUID> ids(List<OutboxRow> chain, int from) {
        return chain.subList(from, chain.size()).stream().map(OutboxRow::id).toList();
    }

    public record Round(int claimed, int delivered) {
    }
}
