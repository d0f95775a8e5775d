package id.qutab.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
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

    public RelayWorker(OutboxStore store, EventDelivery delivery, OutboxConfig.Relay config, OutboxMetrics metrics,
                       ExecutorService executor) {
        this.store = store;
        this.delivery = delivery;
        this.config = config;
        this.metrics = metrics;
        this.executor = executor;
    }

    /** Runs rounds until nothing is claimable or {@code budget} is spent; returns rows delivered. */
    public int drain(Duration budget) {
        Instant stop = Instant.now().plus(budget);
        int delivered = 0;
        while (Instant.now().isBefore(stop)) {
            Round round = runOnce();
            delivered += round.delivered();
            if (round.claimed() == 0 || round.delivered() == 0) {
                break;
            }
        }
        return delivered;
    }

    /** One claim and its deliveries. */
    public Round runOnce() {
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
            if (Instant.now().plus(safety).isAfter(row.leaseUntil())) {
                store.release(ids(chain, i), owner);
                return delivered;
            }
            String failure = deliverSafely(row);
            if (failure == null) {
                if (!store.markSent(row.id(), owner)) {
                    return delivered; // lease lost: whoever holds it now delivers the rest
                }
                metrics.delivered(row.destination());
                delivered++;
                continue;
            }
            int attempt = row.attempts() + 1;
            Duration retryIn = Backoff.after(attempt, config.backoffBase(), config.backoffMax());
            String status = store.markFailed(row.id(), owner, failure, retryIn, config.maxAttempts()).orElse("LOST");
            metrics.failed(row.destination(), "DEAD".equals(status));
            LOG.warnf("event %s (%s) to %s failed, attempt %d, now %s: %s", row.eventId(), row.eventType(),
                    row.destination(), attempt, status, failure);
            store.release(ids(chain, i + 1), owner); // later events of this aggregate wait behind it
            return delivered;
        }
        return delivered;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private String deliverSafely(OutboxRow row) {
        try {
            return delivery.deliver(row);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static List<UUID> ids(List<OutboxRow> chain, int from) {
        return chain.subList(from, chain.size()).stream().map(OutboxRow::id).toList();
    }

    public record Round(int claimed, int delivered) {
    }
}
