package id.qutab.commerce.catalog;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * LISTENs on {@code commerce_catalogue} (the V9 trigger) on a connection of its own, outside the pool (a pooled
 * connection would be held forever and its notifications read by nobody), and clears {@link CatalogueCache} on each
 * notification. Whenever it (re)connects it clears everything: what changed while it was away is unknown. While it is
 * away, the cache's TTL bounds how stale a response can be.
 */
@ApplicationScoped
public class CatalogueListener {

    static final String CHANNEL = "commerce_catalogue";
    private static final Logger LOG = Logger.getLogger(CatalogueListener.class);

    @Inject
    CatalogueCache cache;

    @Inject
    CatalogueConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    void start(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::run, "catalogue-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** True once LISTEN is in place (tests wait for it before they count on notifications). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("catalogue listener lost its connection (%s); the cache is cleared and it reconnects",
                            e.getMessage());
                }
            } finally {
                listening = false;
                closeQuietly();
                cache.clear();
            }
            sleep(config.reconnectDelay().toMillis());
        }
    }

    private void listen() throws SQLException {
        connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        // Anything may have changed before LISTEN took effect.
        cache.clear();
        listening = true;
        while (running) {
            // Blocks until a notification arrives or the timeout passes; a broken connection throws.
            PGNotification[] notifications = pg.getNotifications(10_000);
            if (notifications != null && notifications.length > 0) {
                cache.clear();
            } else if (!connection.isValid(2)) {
                throw new SQLException("listener connection is no longer valid");
            }
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
