package id.qutab.zendit.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for Zendit, the payment provider, speaking the Xendit Invoice API v2 shape (see README.md):
 * {@code POST /v2/invoices}, {@code GET /v2/invoices/{id}}, {@code POST /invoices/{id}/expire!}, the invoice page
 * {@code /web/invoices/{id}} with Pay/Expire buttons, the test hook {@code POST /web/invoices/{id}/simulate}, and
 * callbacks with the {@code x-callback-token} header, retried while they fail.
 *
 * <p>Everything is in memory: closing (or restarting) the sandbox forgets every invoice. Listens on the loopback
 * interface only.
 *
 * <p>In a JUnit test:
 * <pre>{@code
 * ZenditSandbox sandbox = ZenditSandbox.start(SandboxConfig.defaults().withCallbackFirstRetryDelay(Duration.ofMillis(50)));
 * // point the app at sandbox.baseUrl(), then, once the app's port is known:
 * sandbox.setCallbackUrl("http://localhost:" + appPort + "/webhooks/zendit");
 * sandbox.simulate(invoiceId, "PAID");
 * sandbox.awaitCallbacks(Duration.ofSeconds(10));
 * }</pre>
 */
public final class ZenditSandbox implements AutoCloseable {

    static final String MERCHANT_NAME = "Qutab Sandbox";
    /** The sandbox's one "merchant account". */
    static final String USER_ID = "5f0c0de0a11ce0000000beef";
    static final String CURRENCY = "IDR";
    static final String PAYMENT_METHOD = "BANK_TRANSFER";
    static final String PAYMENT_CHANNEL = "BCA";
    /** Request bodies above this are refused with 413. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(ZenditSandbox.class.getPackageName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration EXPIRY_SWEEP_PERIOD = Duration.ofMillis(500);

    /** Per sandbox, made when it starts: no random is created by a class initialiser (deploy/README.md, native images). */
    private final SecureRandom random = new SecureRandom();

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: about
        // 40 ms per request. The JDK reads this once per JVM, when its first HttpServer is created; an explicit
        // setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxConfig config;
    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final ExecutorService clientExecutor;
    private final ScheduledExecutorService scheduler;
    private final CallbackDispatcher callbacks;
    private final String baseUrl;
    private final String publicBaseUrl;
    private final ConcurrentMap<String, StoredInvoice> invoices = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> idempotencyKeys = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String callbackUrl;
    private volatile Duration createDelay = Duration.ZERO;
    private final AtomicInteger failCreatesAfterStoring = new AtomicInteger();

    private ZenditSandbox(SandboxConfig config) throws IOException {
        this.config = config;
        this.callbackUrl = config.callbackUrl();
        int instance = INSTANCES.incrementAndGet();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("zendit-sandbox-" + instance + "-scheduler"));
        this.clientExecutor = Executors.newCachedThreadPool(daemonThreads("zendit-sandbox-" + instance + "-callback"));
        this.httpExecutor = Executors.newFixedThreadPool(8, daemonThreads("zendit-sandbox-" + instance + "-http"));
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        } catch (IOException e) {
            shutdownExecutors();
            throw e;
        }
        this.baseUrl = "http://localhost:" + server.getAddress().getPort();
        this.publicBaseUrl = config.publicBaseUrl() != null ? config.publicBaseUrl() : baseUrl;
        this.callbacks = new CallbackDispatcher(scheduler, clientExecutor, () -> this.callbackUrl,
                config.callbackToken(), config.callbackMaxAttempts(), config.callbackFirstRetryDelay());
        server.createContext("/", new SandboxHttpHandler(this));
        server.setExecutor(httpExecutor);
    }

    /**
     * Starts the HTTP server ({@link SandboxConfig#port()} 0 = a random free port) and the expiry sweeper.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static ZenditSandbox start(SandboxConfig config) {
        Objects.requireNonNull(config, "config");
        ZenditSandbox sandbox;
        try {
            sandbox = new ZenditSandbox(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Zendit sandbox cannot listen on port " + config.port() + ": " + e.getMessage(), e);
        }
        SandboxJson.write(java.util.Map.of("warm", "up")); // Jackson's start-up cost before the first request
        sandbox.server.start();
        long period = EXPIRY_SWEEP_PERIOD.toMillis();
        sandbox.scheduler.scheduleWithFixedDelay(sandbox::sweepExpired, period, period, TimeUnit.MILLISECONDS);
        LOG.fine(() -> "Zendit sandbox started on " + sandbox.baseUrl);
        return sandbox;
    }

    /** {@code http://localhost:<port>}: what the app uses as its Zendit base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Base of the {@code invoice_url}s ({@link SandboxConfig#publicBaseUrl()}, else {@link #baseUrl()}). */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    public SandboxConfig config() {
        return config;
    }

    /** Where callbacks go now; {@code null} when not set. */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * Sets (or changes, or with {@code null} unsets) where callbacks go. Read at every try, so pending retries use
     * the new URL.
     */
    public void setCallbackUrl(String url) {
        String value = SandboxConfig.blankToNull(url);
        if (value != null) {
            SandboxConfig.requireHttpUrl("callback URL", value);
        }
        this.callbackUrl = value;
    }

    /** A snapshot of the invoice; a pending invoice past its expiry date is expired (and its callback sent) first. */
    public Optional<Invoice> invoice(String id) {
        StoredInvoice stored = id == null ? null : invoices.get(id);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(refreshed(stored).invoice());
    }

    /** Snapshots of all invoices, oldest first. */
    public List<Invoice> invoices() {
        List<Invoice> result = new ArrayList<>();
        for (StoredInvoice stored : invoices.values()) {
            result.add(refreshed(stored).invoice());
        }
        result.sort(Comparator.comparing(Invoice::created).thenComparing(Invoice::id));
        return result;
    }

    /**
     * Changes the invoice's state as the provider would and sends the callback (asynchronously, with retries).
     * {@code PAID} pays the full amount; {@code EXPIRED} expires it; {@code SETTLED} settles a paid invoice (no
     * callback, as with the provider).
     *
     * @throws NoSuchElementException   unknown invoice
     * @throws IllegalArgumentException a status other than PAID, EXPIRED, SETTLED
     * @throws IllegalStateException    the current status does not allow it (e.g. EXPIRED after PAID, PAID twice)
     */
    public Invoice simulate(String invoiceId, String status) {
        return transition(invoiceId, status, null, true);
    }

    /** {@link #simulate(String, String)} with the amount the payer paid (may differ from the invoice amount). */
    public Invoice simulate(String invoiceId, String status, long paidAmount) {
        return transition(invoiceId, status, paidAmount, true);
    }

    /**
     * Changes the state like {@link #simulate(String, String)} but sends no callback: a callback lost on the way,
     * so the app only learns the state by asking ({@code GET /v2/invoices/{id}}). {@link #resendLastCallback(String)}
     * can deliver it later.
     */
    public Invoice simulateWithoutCallback(String invoiceId, String status) {
        return transition(invoiceId, status, null, false);
    }

    /**
     * Sends the last callback of this invoice again, the same body and {@code webhook-id}: a duplicate exactly as
     * the provider may deliver one (with retries while it fails).
     *
     * @throws NoSuchElementException unknown invoice
     * @throws IllegalStateException  no callback was produced for it yet
     */
    public void resendLastCallback(String invoiceId) {
        StoredInvoice stored = stored(invoiceId);
        CallbackMessage message;
        synchronized (stored) {
            message = stored.lastCallback;
        }
        if (message == null) {
            throw new IllegalStateException("Invoice " + invoiceId + " has had no callback yet");
        }
        callbacks.dispatch(message);
    }

    /**
     * Sends a callback announcing {@code status} for this invoice without changing the invoice: for stale or
     * out-of-order deliveries (e.g. an {@code EXPIRED} callback for an invoice that is {@code PAID}).
     */
    public void sendCallback(String invoiceId, String status) {
        String wanted = normalizeStatus(status);
        if (!Invoice.PAID.equals(wanted) && !Invoice.EXPIRED.equals(wanted)) {
            throw new IllegalArgumentException("Callbacks announce PAID or EXPIRED, not " + status);
        }
        StoredInvoice stored = stored(invoiceId);
        CallbackMessage message;
        synchronized (stored) {
            message = callbackMessage(stored.invoice, wanted, stored.updated);
        }
        callbacks.dispatch(message);
    }

    /** Every callback POST tried so far (oldest first): invoice, status, HTTP status or error, time. */
    public List<CallbackAttempt> callbackAttempts() {
        return callbacks.attempts();
    }

    /** {@link #callbackAttempts()} for one invoice. */
    public List<CallbackAttempt> callbackAttempts(String invoiceId) {
        return callbacks.attempts().stream().filter(a -> a.invoiceId().equals(invoiceId)).toList();
    }

    /**
     * Waits until every callback has been delivered or has used up its tries.
     *
     * @return {@code false} if that did not happen within the timeout
     */
    public boolean awaitCallbacks(Duration timeout) {
        try {
            return callbacks.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Test knob: every {@code POST /v2/invoices} waits this long before it is handled (a slow provider).
     * {@link Duration#ZERO} (the default) turns it off; {@link #reset()} too.
     */
    public void delayCreates(Duration delay) {
        this.createDelay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
    }

    /**
     * Test knob: the next {@code count} invoice creations store the invoice (and its idempotency key) but answer
     * 500, as when the provider's answer is lost on the way: the invoice exists and can be paid, the client does
     * not know its id.
     */
    public void failCreatesAfterStoring(int count) {
        failCreatesAfterStoring.set(Math.max(0, count));
    }

    Duration createDelay() {
        return createDelay;
    }

    /** True (and one failure used up) when this creation must answer 500 after storing the invoice. */
    boolean failThisCreateAfterStoring() {
        return failCreatesAfterStoring.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Forgets every invoice, idempotency key and recorded callback attempt (callbacks under way still finish). */
    public void reset() {
        createDelay = Duration.ZERO;
        failCreatesAfterStoring.set(0);
        invoices.clear();
        idempotencyKeys.clear();
        callbacks.clearAttempts();
    }

    /** Stops the server and the callbacks; the invoices are gone. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        callbacks.close();
        server.stop(0);
        shutdownExecutors();
        LOG.fine(() -> "Zendit sandbox on " + baseUrl + " stopped");
    }

    // ---------------------------------------------------------------- used by the HTTP handler

    boolean secretKeyMatches(byte[] presentedUser) {
        return java.security.MessageDigest.isEqual(presentedUser,
                config.secretKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Creates an invoice, or with an idempotency key already seen returns the invoice created for it. */
    Snapshot create(CreateInvoiceRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return snapshotOf(newInvoice(request));
        }
        String id = idempotencyKeys.computeIfAbsent(idempotencyKey, key -> newInvoice(request).invoice.id());
        StoredInvoice stored = invoices.get(id);
        if (stored == null) { // reset() meanwhile
            idempotencyKeys.remove(idempotencyKey, id);
            return create(request, idempotencyKey);
        }
        Snapshot snapshot = refreshed(stored);
        if (!snapshot.invoice().externalId().equals(request.externalId()) || snapshot.invoice().amount() != request.amount()) {
            throw new ApiError(409, "DUPLICATE_ERROR",
                    "X-IDEMPOTENCY-KEY was already used for a request with another external_id or amount");
        }
        return snapshot;
    }

    Optional<Snapshot> find(String id) {
        StoredInvoice stored = id == null ? null : invoices.get(id);
        return stored == null ? Optional.empty() : Optional.of(refreshed(stored));
    }

    List<Snapshot> snapshots() {
        List<Snapshot> result = new ArrayList<>();
        for (StoredInvoice stored : invoices.values()) {
            result.add(refreshed(stored));
        }
        result.sort(Comparator.comparing((Snapshot s) -> s.invoice().created()).thenComparing(s -> s.invoice().id()));
        return result;
    }

    /** {@code expire!}: a pending invoice expires (with callback), an expired one is returned as is. */
    Snapshot expireByApi(String id) {
        StoredInvoice stored = invoices.get(id);
        if (stored == null) {
            throw ApiError.invoiceNotFound(id);
        }
        try {
            transition(id, Invoice.EXPIRED, null, true);
        } catch (InvalidTransitionException e) {
            if (!Invoice.EXPIRED.equals(e.currentStatus())) {
                throw new ApiError(400, "INVOICE_ALREADY_PAID", "Invoice " + id + " is " + e.currentStatus()
                        + " and cannot be expired");
            }
        } catch (NoSuchElementException e) { // reset() meanwhile
            throw ApiError.invoiceNotFound(id);
        }
        return snapshotOf(stored);
    }

    Snapshot transitionForHttp(String id, String status, Long paidAmount, boolean sendCallback) {
        StoredInvoice stored = invoices.get(id);
        if (stored == null) {
            throw ApiError.invoiceNotFound(id);
        }
        try {
            transition(id, status, paidAmount, sendCallback);
        } catch (InvalidTransitionException e) {
            throw new ApiError(409, e.errorCode(), e.getMessage());
        } catch (NoSuchElementException e) { // reset() meanwhile
            throw ApiError.invoiceNotFound(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.validation(e.getMessage());
        }
        return snapshotOf(stored);
    }

    /** An invoice together with its {@code updated} time (which the public record does not carry). */
    record Snapshot(Invoice invoice, Instant updated) {
    }

    // ---------------------------------------------------------------- state

    private StoredInvoice newInvoice(CreateInvoiceRequest request) {
        Instant now = now();
        String id = newInvoiceId(now);
        Invoice invoice = new Invoice(id, request.externalId(), Invoice.PENDING, request.amount(), null,
                request.payerEmail(), request.description(), now, now.plusSeconds(request.invoiceDurationSeconds()),
                null, publicBaseUrl + "/web/invoices/" + id, null, null, request.successRedirectUrl(),
                request.failureRedirectUrl(), request.items());
        StoredInvoice stored = new StoredInvoice(invoice);
        invoices.put(id, stored);
        return stored;
    }

    private Invoice transition(String invoiceId, String status, Long paidAmount, boolean sendCallback) {
        String wanted = normalizeStatus(status);
        if (paidAmount != null && paidAmount <= 0) {
            throw new IllegalArgumentException("paid amount must be positive, was " + paidAmount);
        }
        if (paidAmount != null && !Invoice.PAID.equals(wanted)) {
            throw new IllegalArgumentException("a paid amount only goes with PAID");
        }
        StoredInvoice stored = stored(invoiceId);
        CallbackMessage expiry = null;
        CallbackMessage message = null;
        Invoice result;
        try {
            synchronized (stored) {
                Instant now = now();
                expiry = expireIfDue(stored, now);
                Invoice current = stored.invoice;
                String from = current.status();
                switch (wanted) {
                    case Invoice.PAID -> {
                        requireStatus(current, Invoice.PENDING, wanted);
                        long paid = paidAmount != null ? paidAmount : current.amount();
                        stored.invoice = current.paid(paid, now, PAYMENT_METHOD, PAYMENT_CHANNEL);
                    }
                    case Invoice.EXPIRED -> {
                        requireStatus(current, Invoice.PENDING, wanted);
                        stored.invoice = current.withStatus(Invoice.EXPIRED);
                    }
                    case Invoice.SETTLED -> {
                        requireStatus(current, Invoice.PAID, wanted);
                        stored.invoice = current.withStatus(Invoice.SETTLED);
                    }
                    default -> throw new IllegalArgumentException(
                            "status must be PAID, EXPIRED or SETTLED, was " + status);
                }
                stored.updated = now;
                if (!Invoice.SETTLED.equals(wanted)) {
                    message = callbackMessage(stored.invoice, wanted, now);
                    stored.lastCallback = message;
                }
                result = stored.invoice;
                LOG.info(() -> "invoice " + invoiceId + " " + from + " -> " + wanted
                        + (Invoice.SETTLED.equals(wanted) ? "" : sendCallback ? ", callback queued" : ", callback withheld"));
            }
        } finally {
            if (expiry != null) {
                callbacks.dispatch(expiry);
            }
        }
        if (message != null && sendCallback) {
            callbacks.dispatch(message);
        }
        return result;
    }

    private static void requireStatus(Invoice invoice, String required, String wanted) {
        String current = invoice.status();
        if (current.equals(required)) {
            return;
        }
        String code = switch (current) {
            case Invoice.PAID, Invoice.SETTLED -> "INVOICE_ALREADY_PAID";
            case Invoice.EXPIRED -> "INVOICE_EXPIRED";
            default -> "INVALID_STATUS_TRANSITION";
        };
        throw new InvalidTransitionException(code, current,
                "Invoice " + invoice.id() + " is " + current + " and cannot become " + wanted);
    }

    /** Under the invoice's monitor: a pending invoice past its expiry date becomes EXPIRED; returns its callback. */
    private CallbackMessage expireIfDue(StoredInvoice stored, Instant now) {
        Invoice invoice = stored.invoice;
        if (!Invoice.PENDING.equals(invoice.status()) || now.isBefore(invoice.expiryDate())) {
            return null;
        }
        stored.invoice = invoice.withStatus(Invoice.EXPIRED);
        stored.updated = now;
        CallbackMessage message = callbackMessage(stored.invoice, Invoice.EXPIRED, now);
        stored.lastCallback = message;
        LOG.info(() -> "invoice " + invoice.id() + " PENDING -> EXPIRED (expiry date passed), callback queued");
        return message;
    }

    private Snapshot refreshed(StoredInvoice stored) {
        CallbackMessage expiry;
        Snapshot snapshot;
        synchronized (stored) {
            expiry = expireIfDue(stored, now());
            snapshot = new Snapshot(stored.invoice, stored.updated);
        }
        if (expiry != null) {
            callbacks.dispatch(expiry);
        }
        return snapshot;
    }

    private static Snapshot snapshotOf(StoredInvoice stored) {
        synchronized (stored) {
            return new Snapshot(stored.invoice, stored.updated);
        }
    }

    private void sweepExpired() {
        try {
            for (StoredInvoice stored : invoices.values()) {
                refreshed(stored);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expiry sweep failed", e);
        }
    }

    private StoredInvoice stored(String invoiceId) {
        StoredInvoice stored = invoiceId == null ? null : invoices.get(invoiceId);
        if (stored == null) {
            throw new NoSuchElementException("No sandbox invoice " + invoiceId);
        }
        return stored;
    }

    private static CallbackMessage callbackMessage(Invoice invoice, String status, Instant updated) {
        byte[] body = SandboxJson.write(SandboxJson.callback(invoice, status, updated));
        return new CallbackMessage(invoice.id(), status, UUID.randomUUID().toString(), body);
    }

    private static String normalizeStatus(String status) {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("status is required");
        }
        return status.trim().toUpperCase(Locale.ROOT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Like a MongoDB ObjectId (what Xendit ids are): 4 bytes of epoch seconds, 8 random bytes, as 24 hex chars. */
    private String newInvoiceId(Instant now) {
        byte[] randomBytes = new byte[8];
        random.nextBytes(randomBytes);
        ByteBuffer bytes = ByteBuffer.allocate(12).putInt((int) now.getEpochSecond()).put(randomBytes);
        return HexFormat.of().formatHex(bytes.array());
    }

    private void shutdownExecutors() {
        scheduler.shutdownNow();
        clientExecutor.shutdownNow();
        httpExecutor.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
