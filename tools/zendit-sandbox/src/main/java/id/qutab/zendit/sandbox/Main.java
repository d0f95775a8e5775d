package id.qutab.zendit.sandbox;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code java -jar tools/zendit-sandbox/target/zendit-sandbox.jar}: runs the sandbox until SIGTERM/Ctrl-C.
 *
 * <p>Environment: {@code ZENDIT_SANDBOX_PORT} (8090), {@code QUTAB_ZENDIT_SECRET_KEY} ({@code sandbox-secret-key}),
 * {@code QUTAB_ZENDIT_CALLBACK_TOKEN} ({@code sandbox-callback-token}), {@code ZENDIT_SANDBOX_CALLBACK_URL}
 * ({@code http://localhost:8080/webhooks/zendit}, through the gateway), {@code ZENDIT_SANDBOX_PUBLIC_URL} (the base
 * URL), {@code ZENDIT_SANDBOX_CALLBACK_MAX_ATTEMPTS} (6), {@code ZENDIT_SANDBOX_CALLBACK_FIRST_RETRY_MS} (1000).
 */
public final class Main {

    static final int DEFAULT_PORT = 8090;
    static final String DEFAULT_CALLBACK_URL = "http://localhost:8080/webhooks/zendit";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        Logger log = Logger.getLogger(ZenditSandbox.class.getPackageName());
        SandboxConfig config;
        try {
            config = fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("zendit-sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        ZenditSandbox sandbox;
        try {
            sandbox = ZenditSandbox.start(config);
        } catch (UncheckedIOException e) {
            System.err.println("zendit-sandbox: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // JUL may already be shut down by its own hook: write directly
            System.err.println(java.time.Instant.now() + " INFO [zendit-sandbox] stopping; the in-memory invoices are forgotten");
            sandbox.close();
            stopped.countDown();
        }, "zendit-sandbox-shutdown"));
        log.info("Zendit sandbox listening on " + sandbox.baseUrl() + " (invoice pages on " + sandbox.publicBaseUrl()
                + "/web/invoices/{id}), callbacks to " + sandbox.callbackUrl() + ", up to "
                + config.callbackMaxAttempts() + " tries from " + config.callbackFirstRetryDelay().toMillis()
                + " ms; in memory only");
        stopped.await();
    }

    /** The configuration from environment variables (see the class comment). */
    static SandboxConfig fromEnvironment(Map<String, String> env) {
        SandboxConfig config = SandboxConfig.defaults()
                .withPort(intValue(env, "ZENDIT_SANDBOX_PORT", DEFAULT_PORT, 0, 65535))
                .withCallbackUrl(value(env, "ZENDIT_SANDBOX_CALLBACK_URL", DEFAULT_CALLBACK_URL))
                .withCallbackMaxAttempts(intValue(env, "ZENDIT_SANDBOX_CALLBACK_MAX_ATTEMPTS",
                        SandboxConfig.DEFAULT_CALLBACK_MAX_ATTEMPTS, 1, 100))
                .withCallbackFirstRetryDelay(java.time.Duration.ofMillis(intValue(env,
                        "ZENDIT_SANDBOX_CALLBACK_FIRST_RETRY_MS",
                        (int) SandboxConfig.DEFAULT_CALLBACK_FIRST_RETRY_DELAY.toMillis(), 0, 3_600_000)));
        String secret = value(env, "QUTAB_ZENDIT_SECRET_KEY", null);
        if (secret != null) {
            config = config.withSecretKey(secret);
        }
        String token = value(env, "QUTAB_ZENDIT_CALLBACK_TOKEN", null);
        if (token != null) {
            config = config.withCallbackToken(token);
        }
        String publicUrl = value(env, "ZENDIT_SANDBOX_PUBLIC_URL", null);
        if (publicUrl != null) {
            config = config.withPublicBaseUrl(publicUrl);
        }
        return config;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = value(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }

    /** One line per record on stderr: time, level, message (and a stack trace only for unexpected errors). */
    private static void configureLogging() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.INFO);
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                StringBuilder line = new StringBuilder()
                        .append(java.time.Instant.ofEpochMilli(record.getMillis()))
                        .append(' ').append(record.getLevel().getName())
                        .append(" [zendit-sandbox] ").append(formatMessage(record)).append(System.lineSeparator());
                if (record.getThrown() != null) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                    line.append(trace);
                }
                return line.toString();
            }
        });
        root.addHandler(console);
        root.setLevel(Level.INFO);
    }
}
