package id.qutab.affiliate.clicks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bounded in-memory queue between the hot path and the database. Offering never blocks: when the buffer is
 * full (the database is down or far behind) the click is dropped and counted ({@code qutab_clicks_dropped_total});
 * the visitor is redirected and attributed all the same, because attribution keys on the code in the cookie,
 * not on the click row.
 */
@Singleton
public class ClickBuffer {

    private final ArrayBlockingQueue<Click> queue;
    private final Counter accepted;
    private final Counter dropped;

    @Inject
    public ClickBuffer(ReferralConfig config, MeterRegistry registry) {
        this.queue = new ArrayBlockingQueue<>(config.clickBufferCapacity());
        this.accepted = Counter.builder("qutab.clicks.buffered").description("Referral clicks accepted into the buffer")
                .register(registry);
        this.dropped = Counter.builder("qutab.clicks.dropped").description("Referral clicks dropped: buffer full")
                .register(registry);
        registry.gauge("qutab.clicks.pending", queue, ArrayBlockingQueue::size);
    }

    public boolean offer(Click click) {
        if (queue.offer(click)) {
            accepted.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    public int drainTo(Collection<Click> into, int max) {
        return queue.drainTo(into, max);
    }

    public int size() {
        return queue.size();
    }

    public int remainingCapacity() {
        return queue.remainingCapacity();
    }
}
