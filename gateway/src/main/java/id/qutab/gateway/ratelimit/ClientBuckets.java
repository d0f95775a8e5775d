package id.qutab.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in bounded memory. A bucket left alone for a whole refill period is full again,
 * so forgetting it loses nothing: idle buckets are dropped (least recently used first, at most one sweep per
 * period). Past {@code maxClients} the least recently used client is forgotten even if not idle; that only
 * happens when someone rotates through more addresses than per-address limiting can stop anyway.
 */
final class ClientBuckets {

    private final long capacity;
    private final Duration refillPeriod;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Entry> entries;
    private long lastSweep;

    private static final class Entry {
        final Bucket bucket;
        long lastUsed;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    ClientBuckets(long capacity, Duration refillPeriod, int maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || refillPeriod.isZero() || refillPeriod.isNegative() || maxClients < 1) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1, a positive refill period and room for 1 client");
        }
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.idleNanos = refillPeriod.toNanos();
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
        // Access order: iteration starts at the least recently used client, which is what both evictions want.
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxClients;
            }
        };
    }

    ConsumptionProbe tryConsume(String client) {
        Bucket bucket;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            sweepIdle(now);
            Entry entry = entries.get(client);
            if (entry == null) {
                entry = new Entry(newBucket());
                entries.put(client, entry);
            }
            entry.lastUsed = now;
            bucket = entry.bucket;
        }
        // Bucket4j's local bucket is lock-free; only the map needs the monitor.
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    synchronized int trackedClients() {
        return entries.size();
    }

    private void sweepIdle(long now) {
        if (now - lastSweep < idleNanos) {
            return;
        }
        lastSweep = now;
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            if (now - oldestFirst.next().lastUsed < idleNanos) {
                break;
            }
            oldestFirst.remove();
        }
    }

    private Bucket newBucket() {
        // Greedy refill: tokens trickle back (capacity per period) instead of all at once at the period's end,
        // so Retry-After is short for someone who is just a little over.
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .build();
    }
}
