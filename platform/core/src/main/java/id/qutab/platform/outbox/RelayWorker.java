package id.qutab.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One relay's round: claim, deliver each aggregate's chain in order, mark exactly what was delivered.
 * Several workers (threads, processes, replicas) may run at once; {@link OutboxStore} keeps them apart.
 *
 * <p>A chain renews its lease before a delivery would start with less than one delivery's worth of it left,
 * so a short lease frees a dead relay's rows quickly while a slow live one keeps them. A destination with
 * heads waiting out a backoff is probed every {@code probe-interval}; when it answers again its waiting heads
 * become due at once (see {@link Destination}).
 */
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    private final OutboxStore store;
    private final EventDelivery delivery;
    private final OutboxConfig.Relay config;
    private final OutboxMetrics metrics;
    private final ExecutorService executor;
    private final RelayClock clock;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    private volatile Instant lastProbeScan;

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

    /** Probes, then one claim and its deliveries (after parking what was recorded behind waiting heads). */
    public Round runOnce() {
        try {
            store.park(config.parkBatch());
        } catch (RuntimeException e) {
            // parking only keeps rows out of the claim's way; a round delivers without it
            LOG.debug("outbox park skipped", e);
        }
        UUID owner = UUID.randomUUID();
        List<OutboxRow> probes = List.of();
        try {
            probes = probe(owner);
        } catch (RuntimeException e) {
            LOG.debug("outbox probe skipped", e);
        }
        // A probe to a consumer that hangs takes a delivery timeout: it runs beside the round, never before it.
        // When it succeeds, the heads it makes due are taken by the next round (drain goes on while rows move).
        List<Future<Integer>> running = submit(probes, owner);
        List<OutboxRow> claimed = store.claim(owner, config.batchSize(), config.perAggregate(), config.lease());
        running.addAll(submit(claimed, owner));
        return new Round(probes.size() + claimed.size(), await(running));
    }

    /** One waiting head (with its chain) of each destination due a probe. */
    private List<OutboxRow> probe(UUID owner) {
        Instant now = clock.now();
        Instant scanned = lastProbeScan;
        if (scanned != null && now.isBefore(scanned.plus(config.probeInterval()))) {
            return List.of();
        }
        lastProbeScan = now;
        List<OutboxRow> probes = new ArrayList<>();
        for (String destination : store.waitingDestinations()) {
            if (destination(destination).probeDue(now)) {
                try {
                    probes.addAll(store.claimProbe(owner, destination, config.perAggregate(), config.lease()));
                } catch (RuntimeException e) {
                    LOG.debug("outbox probe of " + destination + " skipped", e); // rows already probed still go
                }
            }
        }
        return probes;
    }

    private List<Future<Integer>> submit(List<OutboxRow> claimed, UUID owner) {
        Map<String, List<OutboxRow>> chains = new LinkedHashMap<>();
        for (OutboxRow row : claimed) {
            chains.computeIfAbsent(row.chainKey(), k -> new ArrayList<>()).add(row);
        }
        List<Future<Integer>> running = new ArrayList<>();
        for (List<OutboxRow> chain : chains.values()) {
            running.add(executor.submit(() -> deliverChain(chain, owner)));
        }
        return running;
    }

    private static int await(List<Future<Integer>> running) {
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
        return delivered;
    }

    /** Claims without delivering: what a relay that dies right after claiming leaves behind (tests). */
    public List<OutboxRow> claimAndAbandon() {
        return store.claim(UUID.randomUUID(), config.batchSize(), config.perAggregate(), config.lease());
    }

    private int deliverChain(List<OutboxRow> chain, UUID owner) {
        // One delivery may take the delivery timeout plus the connect timeout: never start one with less lease left.
        Duration safety = min(config.deliveryTimeout().plusSeconds(2), config.lease().dividedBy(2));
        Instant leaseUntil = chain.get(0).leaseUntil();
        int delivered = 0;
        for (int i = 0; i < chain.size(); i++) {
            OutboxRow row = chain.get(i);
            if (clock.now().plus(safety).isAfter(leaseUntil)) {
                Optional<Instant> renewed = renew(ids(chain, i), owner);
                if (renewed.isEmpty()) {
                    store.release(ids(chain, i), owner); // lease ran out (e.g. long queued): whoever claims next goes on
                    return delivered;
                }
                leaseUntil = renewed.get();
            }
            EventDelivery.Result result = deliverSafely(row);
            if (result.outcome() == EventDelivery.Outcome.DELIVERED) {
                if (!store.markSent(row.id(), owner)) {
                    return delivered; // lease lost: whoever holds it now delivers the rest
                }
                metrics.delivered(row.destination());
                delivered++;
                if (destination(row.destination()).answered(clock.now(), i == 0 && row.attempts() > 0)) {
                    makeWaitingDue(row.destination());
                }
                continue;
            }
            int attempt = row.attempts() + 1;
            boolean rejected = result.outcome() == EventDelivery.Outcome.REJECTED;
            if (!rejected) {
                destination(row.destination()).failed(clock.now());
            }
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

    private Optional<Instant> renew(List<UUID> ids, UUID owner) {
        try {
            return store.renew(ids, owner, config.lease());
        } catch (RuntimeException e) {
            LOG.debug("outbox lease renewal failed", e);
            return Optional.empty();
        }
    }

    private void makeWaitingDue(String destination) {
        try {
            int due = store.makeWaitingDue(destination);
            if (due > 0) {
                LOG.infof("%s answers again: %d events waiting out a backoff are due now", destination, due);
            }
        } catch (RuntimeException e) {
            LOG.debug("outbox backoff reset skipped; the next probe retries it", e);
        }
    }

    private Destination destination(String name) {
        return destinations.computeIfAbsent(name, n -> new Destination(config.probeInterval()));
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

    /**
     * What this worker has seen of one destination. A success resets the destination's backoff when it says the
     * destination is back: a probe (a waiting head) went through, the destination had failed without a single
     * success for at least a probe interval, or this worker has not delivered to it before (a restarted process
     * does not know how long it was away). A head that fails while others to the same destination succeed (a
     * poison event) keeps its backoff: its failure is followed by a success within the interval, and a
     * destination that answered within the interval is not probed.
     */
    static final class Destination {
        private final Duration probeInterval;
        private Instant lastProbe;
        private Instant lastSuccess;
        private Instant failingSince;
        private boolean answeredBefore;

        Destination(Duration probeInterval) {
            this.probeInterval = probeInterval;
        }

        synchronized boolean probeDue(Instant now) {
            if (lastSuccess != null && now.isBefore(lastSuccess.plus(probeInterval))
                    || lastProbe != null && now.isBefore(lastProbe.plus(probeInterval))) {
                return false;
            }
            lastProbe = now;
            return true;
        }

        /** Records a success; true when the destination's waiting heads should become due. */
        synchronized boolean answered(Instant now, boolean waitingHead) {
            boolean back = waitingHead || !answeredBefore
                    || failingSince != null && !now.isBefore(failingSince.plus(probeInterval));
            answeredBefore = true;
            lastSuccess = now;
            failingSince = null;
            return back;
        }

        synchronized void failed(Instant now) {
            if (failingSince == null) {
                failingSince = now;
            }
        }
    }
}
