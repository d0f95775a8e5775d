package id.qutab.zendit.sandbox;

import id.qutab.sandbox.kit.Backoff;
import id.qutab.sandbox.kit.WebhookPost;
import id.qutab.sandbox.kit.Waits;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

/**
 * Delivers callbacks like the provider: POST with {@code x-callback-token}, retried while the receiver fails (non-2xx
 * or no connection) up to the configured number of tries, the delay doubling from the first retry delay. Every try
 * is recorded. The callback URL is read at every try, so it may be set or fixed while retries are pending.
 */
final class CallbackDispatcher {

    private static final Logger LOG = Logger.getLogger(ZenditSandbox.class.getPackageName());
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Supplier<String> callbackUrl;
    private final String callbackToken;
    private final int maxAttempts;
    private final Duration firstRetryDelay;

    private final List<CallbackAttempt> attempts = new ArrayList<>();
    private final Object idleLock = new Object();
    private int inFlight;
    private volatile boolean closed;

    CallbackDispatcher(ScheduledExecutorService scheduler, ExecutorService clientExecutor, Supplier<String> callbackUrl,
                       String callbackToken, int maxAttempts, Duration firstRetryDelay) {
        this.scheduler = scheduler;
        this.callbackUrl = callbackUrl;
        this.callbackToken = callbackToken;
        this.maxAttempts = maxAttempts;
        this.firstRetryDelay = firstRetryDelay;
        this.client = WebhookPost.client(clientExecutor);
    }

    /** Sends the message asynchronously (first try now, then retries). */
    void dispatch(CallbackMessage message) {
        if (closed) {
            return;
        }
        synchronized (idleLock) {
            inFlight++;
        }
        try {
            scheduler.execute(() -> attempt(message, 1));
        } catch (RejectedExecutionException e) {
            finished();
        }
    }

    List<CallbackAttempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    void clearAttempts() {
        synchronized (attempts) {
            attempts.clear();
        }
    }

    /** Waits until no callback is being sent or waiting for a retry; {@code false} on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return Waits.await(idleLock, () -> !(inFlight > 0), timeout);
    }

    void close() {
        closed = true;
        synchronized (idleLock) {
            inFlight = 0;
            idleLock.notifyAll();
        }
    }

    Duration delayBeforeAttempt(int attempt) {
        return Backoff.delayBeforeAttempt(attempt, firstRetryDelay, MAX_DELAY);
    }

    private void attempt(CallbackMessage message, int attempt) {
        try {
            if (closed) {
                finished();
                return;
            }
            // a LinkedHashMap: the header order on the wire stays as before
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("x-callback-token", callbackToken);
            headers.put("webhook-id", message.webhookId());
            headers.put("User-Agent", "zendit-sandbox");
            WebhookPost.post(client, callbackUrl.get(), REQUEST_TIMEOUT, headers, message.body(),
                    CallbackDispatcher::describe, (status, error) -> completed(message, attempt, status, error));
        } catch (RuntimeException e) {
            completed(message, attempt, 0, describe(e));
        }
    }

    private void completed(CallbackMessage message, int attempt, int httpStatus, String error) {
        try {
            CallbackAttempt record = new CallbackAttempt(message.invoiceId(), message.status(), httpStatus, error,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            synchronized (attempts) {
                attempts.add(record);
            }
            boolean retry = error != null && attempt < maxAttempts && !closed;
            LOG.info(() -> "callback " + message.status() + " for invoice " + message.invoiceId() + " attempt "
                    + attempt + "/" + maxAttempts + " -> " + (error == null ? "HTTP " + httpStatus : error)
                    + (retry ? ", retrying in " + delayBeforeAttempt(attempt + 1).toMillis() + " ms" : ""));
            if (!retry) {
                finished();
                return;
            }
            scheduler.schedule(() -> attempt(message, attempt + 1), delayBeforeAttempt(attempt + 1).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            finished(); // closed meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "callback bookkeeping failed", e);
            finished();
        }
    }

    private void finished() {
        synchronized (idleLock) {
            if (inFlight > 0) {
                inFlight--;
            }
            if (inFlight == 0) {
                idleLock.notifyAll();
            }
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause.getCause() instanceof ConnectException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout: " + cause.getMessage();
        }
        String text = cause.getMessage();
        if (cause instanceof ConnectException && (text == null || text.isBlank())) {
            text = "could not connect";
        }
        return cause.getClass().getSimpleName() + (text == null || text.isBlank() ? "" : ": " + text);
    }
}
