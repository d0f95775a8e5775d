package id.qutab.platform.notify;

import id.qutab.platform.outbox.Backoff;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends recorded messages after their transaction committed, outside any transaction. Nudged by every commit that
 * recorded one, and polling every {@code qutab.notify.sender.poll-interval} as the safety net (other replicas'
 * messages, retries, a crash between commit and nudge). Safe in every replica: see {@link NotificationStore}.
 *
 * <p>A failed delivery is retried with capped exponential backoff until the message's {@code send_until}
 * (default {@code qutab.notify.max-age}), then it is {@code FAILED}; a {@link PermanentDeliveryException} (the
 * provider refused it for good) makes it {@code FAILED} at once. After a channel's first failure a round gives the
 * rest of that channel's claim back untried and goes on with the other channels: while SMTP (or WhatsApp) is down
 * each poll costs it one attempt, not one per message, the other channel is not held up, and when it is back the
 * next round sends everything. Delivery is at least once: a sender that dies between the SMTP
 * answer and its update sends that message again after the lease.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    @Inject
    NotificationStore store;

    @Inject
    NotifyConfig config;

    @Inject
    NotifyMetrics metrics;

    @Inject
    Instance<NotificationChannel> channelBeans;

    private final Map<String, NotificationChannel> channels = new HashMap<>();
    private ExecutorService nudges;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();

    @PostConstruct
    void start() {
        for (NotificationChannel channel : channelBeans) {
            channels.put(channel.name(), channel);
        }
        nudges = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        nudges.shutdown();
        nudges.awaitTermination(config.sender().sendTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }

    /** Called after a commit that recorded a message; coalesces bursts into one extra round. */
    void nudge() {
        if (!config.sender().enabled() || !nudgeQueued.compareAndSet(false, true)) {
            return;
        }
        nudges.execute(() -> {
            nudgeQueued.set(false);
            drainNow();
        });
    }

    @Scheduled(every = "${qutab.notify.sender.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SenderDisabled.class, identity = "notification-sender")
    void poll() {
        drainNow();
    }

    private void drainNow() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true); // the running round goes once more before it stops
            return;
        }
        try {
            Instant stopAt = Instant.now().plus(config.sender().lease());
            boolean more;
            do {
                again.set(false);
                Round round = sendDue();
                more = again.get() || (round.claimed() == config.sender().batchSize() && round.failed() == 0);
            } while (more && Instant.now().isBefore(stopAt));
        } catch (RuntimeException e) {
            LOG.warn("notification round failed; will retry", e);
        } finally {
            draining.set(false);
        }
    }

    /** One round: claim due messages, deliver them, record each outcome. Public so tests can run rounds side by side. */
    public Round sendDue() {
        Duration lease = config.sender().lease();
        List<PendingNotification> claimed = store.claim(config.sender().batchSize(), lease);
        // Stop delivering well before the lease ends, so no other sender can take a row this one is sending.
        Instant deadline = Instant.now().plus(lease).minus(config.sender().sendTimeout().multipliedBy(2));
        int sent = 0;
        int failed = 0;
        // A channel that failed once this round is left alone until the next one; the others go on (WhatsApp
        // being down must not hold back a password-reset mail).
        Set<String> failing = new HashSet<>();
        for (int i = 0; i < claimed.size(); i++) {
            PendingNotification n = claimed.get(i);
            if (Instant.now().isAfter(deadline)) {
                claimed.subList(i, claimed.size()).forEach(store::release);
                break;
            }
            if (failing.contains(n.channel())) {
                store.release(n);
                continue;
            }
            if (Instant.now().isAfter(n.sendUntil())) {
                giveUp(n, "not sent before " + n.sendUntil());
                continue;
            }
            try {
                NotificationChannel channel = channels.get(n.channel());
                if (channel == null) {
                    throw new IllegalStateException("no channel " + n.channel() + " in this service");
                }
                String providerMessageId = channel.deliver(n);
                store.markSent(n, providerMessageId);
                metrics.sent(n.channel(), n.template());
                sent++;
            } catch (PermanentDeliveryException e) {
                // the provider is up and said no for good: neither a retry nor a reason to stop the round
                giveUp(n, truncate(e.getMessage() == null ? "refused by the provider" : e.getMessage()));
            } catch (Exception e) {
                failed++;
                failing.add(n.channel());
                failedAttempt(n, e);
            }
        }
        return new Round(claimed.size(), sent, failed);
    }

    private void failedAttempt(PendingNotification n, Exception failure) {
        Throwable e = failure;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause(); // what the mailer's future failed with
        }
        // the class and message, never the body: an SMTP answer names the recipient at most
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + truncate(e.getMessage()));
        Duration delay = Backoff.after(n.attempts(), config.sender().backoffBase(), config.sender().backoffMax());
        if (Instant.now().plus(delay).isAfter(n.sendUntil())) {
            giveUp(n, error);
            return;
        }
        store.retryIn(n, delay, error);
        metrics.failure(n.channel(), false);
        LOG.warnf("notification %s (%s) attempt %d failed, retry in %ds: %s", n.id(), n.template(), n.attempts(),
                delay.toSeconds(), e.getClass().getSimpleName());
    }

    private void giveUp(PendingNotification n, String error) {
        store.markFailed(n, error);
        metrics.failure(n.channel(), true);
        LOG.errorf("notification %s (%s) given up after %d attempt(s): %s", n.id(), n.template(), n.attempts(),
                error);
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    @Scheduled(every = "10s", delay = 1, delayUnit = TimeUnit.SECONDS, identity = "notification-stats")
    void refreshStats() {
        try {
            metrics.refresh(store.stats());
        } catch (RuntimeException e) {
            LOG.debug("notification stats unavailable", e);
        }
    }

    @Scheduled(every = "1h", delay = 2, delayUnit = TimeUnit.MINUTES, identity = "notification-retention")
    void scheduledRetention() {
        retention();
    }

    /** Deletes sent and failed rows older than {@code qutab.notify.retention}; returns how many. */
    public int retention() {
        int removed = store.deleteFinishedBefore(Instant.now().minus(config.retention()));
        if (removed > 0) {
            LOG.infof("retention removed %d sent or failed notifications", removed);
        }
        return removed;
    }

    public record Round(int claimed, int sent, int failed) {
    }

    @Singleton
    public static class SenderDisabled implements Scheduled.SkipPredicate {
        @Inject
        NotifyConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.sender().enabled();
        }
    }
}
