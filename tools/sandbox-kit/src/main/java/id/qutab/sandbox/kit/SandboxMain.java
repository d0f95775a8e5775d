package id.qutab.sandbox.kit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The standalone {@code main} of a sandbox: one-line logs on stderr, configuration from the environment (a bad value
 * exits with 2, a port in use with 1), then runs until SIGTERM/Ctrl-C and closes the sandbox in a shutdown hook.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /**
     * @param name     the log tag and thread name, e.g. {@code zendit-sandbox}
     * @param forgets  what the stop line says is lost, e.g. {@code invoices}
     * @param config   reads the configuration from the environment; IllegalArgumentException for a bad value
     * @param start    starts the sandbox; UncheckedIOException when the port cannot be bound
     * @param started  the "listening on" line
     */
    public static <C, S extends AutoCloseable> void run(String name, String forgets,
                                                        Function<Map<String, String>, C> config,
                                                        Function<C, S> start,
                                                        java.util.function.BiFunction<C, S, String> started)
            throws InterruptedException {
        configureLogging(name);
        C settings;
        try {
            settings = config.apply(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        S sandbox;
        try {
            sandbox = start.apply(settings);
        } catch (UncheckedIOException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // JUL may already be shut down by its own hook: write directly
            System.err.println(Instant.now() + " INFO [" + name + "] stopping; the in-memory " + forgets
                    + " are forgotten");
            try {
                sandbox.close();
            } catch (Exception e) {
                System.err.println(name + ": " + e);
            }
            stopped.countDown();
        }, name + "-shutdown"));
        Logger.getLogger(sandbox.getClass().getPackageName()).info(started.apply(settings, sandbox));
        stopped.await();
    }

    /** One line per record on stderr: time, level, message (and a stack trace only for unexpected errors). */
    public static void configureLogging(String name) {
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
                        .append(Instant.ofEpochMilli(record.getMillis()))
                        .append(' ').append(record.getLevel().getName())
                        .append(" [").append(name).append("] ").append(formatMessage(record))
                        .append(System.lineSeparator());
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append(trace);
                }
                return line.toString();
            }
        });
        root.addHandler(console);
        root.setLevel(Level.INFO);
    }
}
