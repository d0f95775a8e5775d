package id.qutab.affiliate.clicks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Empties the click buffer into the database every {@code qutab.referral.click-flush-interval} (1 s), in
 * batches of at most {@code click-batch-size}, and once more on graceful shutdown. A batch that fails (database
 * away) is kept and retried first on the next round; while it waits, new clicks queue in the bounded buffer.
 */
@ApplicationScoped
public class ClickFlusher {

    private static final Logger LOG = Logger.getLogger(ClickFlusher.class);

    @Inject
    ClickBuffer buffer;

    @Inject
    ClickBatchWriter writer;

    @Inject
    ReferralConfig config;

    private final ReentrantLock lock = new ReentrantLock();
    private List<Click> failed = new ArrayList<>();

    @Scheduled(every = "${qutab.referral.click-flush-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "click-flush")
    void scheduled() {
        flush();
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) {
        int written = flush();
        LOG.infof("click buffer flushed on shutdown: %d click(s) written, %d left", written, buffer.size() + failed.size());
    }

    /** Writes everything buffered so far; returns how many clicks were written. */
    public int flush() {
        lock.lock();
        try {
            int written = 0;
            int batchSize = Math.max(1, config.clickBatchSize());
            while (true) {
                List<Click> batch = new ArrayList<>(failed);
                failed = new ArrayList<>();
                if (batch.size() < batchSize) {
                    buffer.drainTo(batch, batchSize - batch.size());
                }
                if (batch.isEmpty()) {
                    return written;
                }
                try {
                    writer.write(batch);
                    written += batch.size();
                } catch (RuntimeException e) {
                    LOG.warnf("click batch of %d not written (%s); retrying next round", batch.size(), rootMessage(e));
                    failed = batch;
                    return written;
                }
                if (batch.size() < batchSize && buffer.size() == 0) {
                    return written;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
