package id.qutab.whatsapp.sandbox;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code java -jar tools/whatsapp-sandbox/target/whatsapp-sandbox.jar}: runs the sandbox until SIGTERM/Ctrl-C.
 * The environment variables are listed in the module README.
 */
public final class Main {

    static final int DEFAULT_PORT = 8091;
    static final String DEFAULT_CALLBACK_URL = "http://localhost:8080/webhooks/whatsapp";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        Logger log = Logger.getLogger(WhatsAppSandbox.class.getPackageName());
        SandboxConfig config;
        try {
            config = fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("whatsapp-sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        WhatsAppSandbox sandbox;
        try {
            sandbox = WhatsAppSandbox.start(config);
        } catch (UncheckedIOException e) {
            System.err.println("whatsapp-sandbox: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // JUL may already be shut down by its own hook: write directly
            System.err.println(java.time.Instant.now() + " INFO [whatsapp-sandbox] stopping; the in-memory messages are forgotten");
            sandbox.close();
            stopped.countDown();
        }, "whatsapp-sandbox-shutdown"));
        log.info("WhatsApp sandbox listening on " + sandbox.baseUrl() + " (phone number id " + config.phoneNumberId()
                + "), status webhooks to " + sandbox.callbackUrl() + ", up to " + config.webhookMaxAttempts()
                + " tries; numbers ending in " + (config.failDigit() == null ? "(none)" : config.failDigit())
                + " fail; in memory only");
        stopped.await();
    }

    /** The configuration from environment variables (see the README). */
    static SandboxConfig fromEnvironment(Map<String, String> env) {
        SandboxConfig config = SandboxConfig.defaults()
                .withPort(intValue(env, "WHATSAPP_SANDBOX_PORT", DEFAULT_PORT, 0, 65535))
                .withCallbackUrl(value(env, "WHATSAPP_SANDBOX_CALLBACK_URL", DEFAULT_CALLBACK_URL))
                .withWebhookMaxAttempts(intValue(env, "WHATSAPP_SANDBOX_WEBHOOK_MAX_ATTEMPTS",
                        SandboxConfig.DEFAULT_WEBHOOK_MAX_ATTEMPTS, 1, 1000))
                .withWebhookRetryDelays(
                        Duration.ofMillis(intValue(env, "WHATSAPP_SANDBOX_WEBHOOK_FIRST_RETRY_MS",
                                (int) SandboxConfig.DEFAULT_WEBHOOK_FIRST_RETRY_DELAY.toMillis(), 0, 3_600_000)),
                        Duration.ofMillis(intValue(env, "WHATSAPP_SANDBOX_WEBHOOK_MAX_RETRY_MS",
                                (int) SandboxConfig.DEFAULT_WEBHOOK_MAX_RETRY_DELAY.toMillis(), 0, 3_600_000)));
        String token = value(env, "QUTAB_WHATSAPP_TOKEN", null);
        if (token != null) {
            config = config.withAccessToken(token);
        }
        String secret = value(env, "QUTAB_WHATSAPP_APP_SECRET", null);
        if (secret != null) {
            config = config.withAppSecret(secret);
        }
        String phoneNumberId = value(env, "QUTAB_WHATSAPP_PHONE_NUMBER_ID", null);
        if (phoneNumberId != null) {
            config = config.withPhoneNumberId(phoneNumberId);
        }
        String failDigit = value(env, "WHATSAPP_SANDBOX_FAIL_DIGIT", null);
        if (failDigit != null) {
            if (failDigit.equalsIgnoreCase("none")) {
                config = config.withFailDigit(null);
            } else if (failDigit.length() == 1 && Character.isDigit(failDigit.charAt(0))) {
                config = config.withFailDigit(failDigit.charAt(0));
            } else {
                throw new IllegalArgumentException("WHATSAPP_SANDBOX_FAIL_DIGIT must be one digit or none, was " + failDigit);
            }
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
                        .append(" [whatsapp-sandbox] ").append(formatMessage(record)).append(System.lineSeparator());
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
