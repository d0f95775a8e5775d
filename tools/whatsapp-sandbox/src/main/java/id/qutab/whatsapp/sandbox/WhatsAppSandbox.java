package id.qutab.whatsapp.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A local stand-in for the WhatsApp Business Cloud API: accepts template and text messages, keeps them in memory per
 * recipient, and sends the signed status webhooks ({@code sent}, then {@code delivered} or {@code failed}; {@code read}
 * when asked). Start it with {@link #start(SandboxConfig)}, stop it with {@link #close()}.
 */
public final class WhatsAppSandbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WhatsAppSandbox.class.getPackageName());
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The Cloud API's error code for a message that could not be delivered. */
    static final int UNDELIVERABLE_CODE = 131026;
    static final String DISPLAY_PHONE_NUMBER = "15550000000";

    private final SandboxConfig config;
    private final HttpServer server;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final ExecutorService clientExecutor;
    private final WebhookDispatcher webhooks;
    private final SecureRandom random = new SecureRandom();
    private final String baseUrl;
    private volatile String callbackUrl;

    /** Insertion order = send order. Guarded by itself. */
    private final Map<String, Message> messages = new LinkedHashMap<>();

    private WhatsAppSandbox(SandboxConfig config) throws IOException {
        this.config = config;
        this.callbackUrl = config.callbackUrl();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        this.baseUrl = "http://localhost:" + server.getAddress().getPort();
        this.httpExecutor = Executors.newFixedThreadPool(4, threads("whatsapp-sandbox-http"));
        this.clientExecutor = Executors.newFixedThreadPool(2, threads("whatsapp-sandbox-client"));
        this.scheduler = Executors.newScheduledThreadPool(1, threads("whatsapp-sandbox-webhooks"));
        this.webhooks = new WebhookDispatcher(scheduler, clientExecutor, () -> callbackUrl, config);
        server.setExecutor(httpExecutor);
        server.createContext("/", new SandboxHttpHandler(this));
    }

    /** Starts the server (port 0 = a random free one); {@link UncheckedIOException} when the port is taken. */
    public static WhatsAppSandbox start(SandboxConfig config) {
        Objects.requireNonNull(config, "config");
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true"); // else ~40 ms per response
        }
        WhatsAppSandbox sandbox;
        try {
            sandbox = new WhatsAppSandbox(config);
        } catch (IOException e) {
            throw new UncheckedIOException("WhatsApp sandbox cannot listen on port " + config.port() + ": "
                    + e.getMessage(), e);
        }
        sandbox.server.start();
        return sandbox;
    }

    /** {@code http://localhost:<port>}: what the app uses as its WhatsApp base URL (instead of graph.facebook.com). */
    public String baseUrl() {
        return baseUrl;
    }

    public SandboxConfig config() {
        return config;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    /** Sets (or changes, or with {@code null} unsets) where webhooks go; read at every try. */
    public void setCallbackUrl(String url) {
        String value = url == null || url.isBlank() ? null : url.trim();
        if (value != null) {
            SandboxConfig.requireHttpUrl(value);
        }
        this.callbackUrl = value;
    }

    /** Every message, oldest first. */
    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages.values());
        }
    }

    /** The messages to one number (E.164 digits), oldest first. */
    public List<Message> messagesTo(String phone) {
        return messages().stream().filter(m -> m.to().equals(phone)).toList();
    }

    public Optional<Message> message(String id) {
        synchronized (messages) {
            return Optional.ofNullable(messages.get(id));
        }
    }

    /** The numbers messaged so far, the most recently messaged first. */
    public List<String> phones() {
        Map<String, Instant> last = new LinkedHashMap<>();
        for (Message message : messages()) {
            last.put(message.to(), message.created());
        }
        return last.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
    }

    /** Every webhook try so far. */
    public List<WebhookAttempt> webhookAttempts() {
        return webhooks.attempts();
    }

    /** Waits until no webhook is being sent or waiting for a retry; {@code false} on timeout. */
    public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
        return webhooks.awaitIdle(timeout);
    }

    /** {@code sha256=<hex>}: the {@code X-Hub-Signature-256} value the sandbox puts on this body. */
    public String signature(byte[] body) {
        return webhooks.signature(body);
    }

    /**
     * The recipient read the message: status {@code read} and its webhook. Already read → unchanged, no second
     * webhook. {@link IllegalStateException} for a failed message, {@link NoSuchElementException} for an unknown one.
     */
    public Message markRead(String id) {
        Message updated;
        synchronized (messages) {
            Message message = messages.get(id);
            if (message == null) {
                throw new NoSuchElementException("No message " + id);
            }
            if (Message.READ.equals(message.status())) {
                return message;
            }
            if (Message.FAILED.equals(message.status())) {
                throw new IllegalStateException("Message " + id + " failed; it cannot be read");
            }
            updated = withStatus(message, Message.READ, now());
            messages.put(id, updated);
        }
        webhook(updated, Message.READ);
        return updated;
    }

    /** Forgets every message and pending webhook (for a sandbox shared by several tests). */
    public void reset() {
        synchronized (messages) {
            messages.clear();
        }
        webhooks.reset();
    }

    @Override
    public void close() {
        webhooks.close();
        server.stop(0);
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        clientExecutor.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores an accepted send: status {@code sent}, then at once {@code delivered} or {@code failed}; webhooks in that order. */
    Message send(SendRequest request) {
        Instant at = now();
        String finalStatus = failDigitMatches(request.to()) ? Message.FAILED : Message.DELIVERED;
        Message message = new Message(newMessageId(), request.to(), request.type(), request.templateName(),
                request.language(), request.parameters(), request.text(), at, finalStatus,
                List.of(new Message.StatusChange(Message.SENT, at), new Message.StatusChange(finalStatus, at)));
        synchronized (messages) {
            messages.put(message.id(), message);
        }
        webhook(message, Message.SENT);
        webhook(message, finalStatus);
        return message;
    }

    boolean tokenMatches(String token) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                config.accessToken().getBytes(StandardCharsets.UTF_8));
    }

    private boolean failDigitMatches(String to) {
        return config.failDigit() != null && to.charAt(to.length() - 1) == config.failDigit();
    }

    private void webhook(Message message, String status) {
        byte[] body = SandboxJson.write(SandboxJson.statusWebhook(config, message, status, Instant.now().getEpochSecond()));
        webhooks.dispatch(new WebhookDispatcher.Webhook(message.id(), status, body));
    }

    /** {@code wamid.} and random base64url, as the Cloud API's ids look (opaque to the sender). */
    private String newMessageId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "wamid." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Message withStatus(Message message, String status, Instant at) {
        List<Message.StatusChange> statuses = new ArrayList<>(message.statuses());
        statuses.add(new Message.StatusChange(status, at));
        return new Message(message.id(), message.to(), message.type(), message.templateName(), message.language(),
                message.parameters(), message.text(), message.created(), status, List.copyOf(statuses));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
