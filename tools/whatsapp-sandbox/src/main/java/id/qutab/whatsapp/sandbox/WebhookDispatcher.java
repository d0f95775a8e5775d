package id.qutab.whatsapp.sandbox;

import id.qutab.sandbox.kit.Backoff;
import id.qutab.sandbox.kit.WebhookPost;
import id.qutab.sandbox.kit.Waits;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers status webhooks like the Cloud API: POST signed with {@code X-Hub-Signature-256}, retried while the
 * receiver fails (non-2xx or no connection) with a doubling, capped delay. The statuses of one message go out one
 * after the other (the next only once the previous was delivered or ran out of tries), so a receiver sees
 * {@code sent} before {@code delivered} before {@code read}. Nobody listening is normal here (nothing consumes the
 * webhook yet): failed tries log at FINE, a webhook that runs out of tries at INFO, never a stack trace.
 */
final class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WhatsAppSandbox.class.getPackageName());
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    record Webhook(String messageId, String status, byte[] body) {
    }

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Supplier<String> callbackUrl;
    private final SecretKeySpec key;
    private final int maxAttempts;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;

    /** Per message, the webhooks still to send; the head is the one being sent. Guarded by itself. */
    private final Map<String, ArrayDeque<Webhook>> queues = new HashMap<>();
    private final List<WebhookAttempt> attempts = new ArrayList<>();
    private int pending;
    private volatile boolean closed;

    WebhookDispatcher(ScheduledExecutorService scheduler, ExecutorService clientExecutor, Supplier<String> callbackUrl,
                      SandboxConfig config) {
        this.scheduler = scheduler;
        this.callbackUrl = callbackUrl;
        this.key = new SecretKeySpec(config.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.maxAttempts = config.webhookMaxAttempts();
        this.firstRetryDelay = config.webhookFirstRetryDelay();
        this.maxRetryDelay = config.webhookMaxRetryDelay();
        this.client = WebhookPost.client(clientExecutor);
    }

    /** Queues the webhook behind the earlier ones of the same message; sends it at once when there are none. */
    void dispatch(Webhook webhook) {
        if (closed) {
            return;
        }
        boolean first;
        synchronized (queues) {
            ArrayDeque<Webhook> queue = queues.computeIfAbsent(webhook.messageId(), id -> new ArrayDeque<>());
            queue.addLast(webhook);
            first = queue.size() == 1;
            pending++;
        }
        if (first) {
            schedule(webhook, 1, 0);
        }
    }

    /** {@code sha256=<hex HMAC-SHA256 of the body with the app secret>}, as the Cloud API signs. */
    String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    List<WebhookAttempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Waits until no webhook is being sent or waiting; {@code false} on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return Waits.await(queues, () -> !(pending > 0), timeout);
    }

    void reset() {
        synchronized (queues) {
            queues.clear();
            pending = 0;
            queues.notifyAll();
        }
        synchronized (attempts) {
            attempts.clear();
        }
    }

    void close() {
        closed = true;
        reset();
    }

    Duration delayBeforeAttempt(int attempt) {
        return delayBeforeAttempt(attempt, firstRetryDelay, maxRetryDelay);
    }

    /** Attempt 2 waits {@code first}, attempt 3 twice that, ... never more than {@code max}. */
    static Duration delayBeforeAttempt(int attempt, Duration first, Duration max) {
        return Backoff.delayBeforeAttempt(attempt, first, max);
    }

    private void schedule(Webhook webhook, int attempt, long delayMillis) {
        try {
            scheduler.schedule(() -> attempt(webhook, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Still the head of its message's queue: not dropped by {@link #reset()} meanwhile. */
    private boolean current(Webhook webhook) {
        synchronized (queues) {
            ArrayDeque<Webhook> queue = queues.get(webhook.messageId());
            return queue != null && queue.peekFirst() == webhook;
        }
    }

    private void attempt(Webhook webhook, int attempt) {
        try {
            if (closed || !current(webhook)) {
                return;
            }
            // a LinkedHashMap: the header order on the wire stays as before
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Hub-Signature-256", signature(webhook.body()));
            headers.put("User-Agent", "whatsapp-sandbox");
            WebhookPost.post(client, callbackUrl.get(), REQUEST_TIMEOUT, headers, webhook.body(),
                    WebhookDispatcher::describe, (status, error) -> completed(webhook, attempt, status, error));
        } catch (RuntimeException e) {
            completed(webhook, attempt, 0, describe(e));
        }
    }

    private void completed(Webhook webhook, int attempt, int httpStatus, String error) {
        if (closed || !current(webhook)) {
            return;
        }
        try {
            synchronized (attempts) {
                attempts.add(new WebhookAttempt(webhook.messageId(), webhook.status(), attempt, httpStatus, error,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            }
            String what = "webhook " + webhook.status() + " for " + webhook.messageId() + " try " + attempt + "/"
                    + maxAttempts;
            if (error != null && attempt < maxAttempts) {
                Duration delay = delayBeforeAttempt(attempt + 1);
                LOG.fine(() -> what + " -> " + error + ", retrying in " + delay.toMillis() + " ms");
                schedule(webhook, attempt + 1, delay.toMillis());
                return;
            }
            if (error == null) {
                LOG.info(() -> what + " -> HTTP " + httpStatus);
            } else {
                LOG.info(() -> what + " -> " + error + "; giving up");
            }
            next(webhook);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook bookkeeping failed", e);
            next(webhook);
        }
    }

    /** The head of this message's queue is done: send the next status of that message, if any. */
    private void next(Webhook done) {
        Webhook following;
        synchronized (queues) {
            ArrayDeque<Webhook> queue = queues.get(done.messageId());
            if (queue == null || queue.peekFirst() != done) {
                return; // reset meanwhile
            }
            queue.removeFirst();
            following = queue.peekFirst();
            if (following == null) {
                queues.remove(done.messageId());
            }
            pending--;
            queues.notifyAll();
        }
        if (following != null) {
            schedule(following, 1, 0);
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null || text.isBlank() ? "" : ": " + text);
    }
}
