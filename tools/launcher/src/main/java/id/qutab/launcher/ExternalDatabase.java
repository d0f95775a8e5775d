package id.qutab.launcher;

import java.util.List;
import java.util.OptionalInt;

/**
 * A PostgreSQL the operator runs ({@code QUTAB_DB_URL}, {@code QUTAB_DB_USER}, {@code QUTAB_DB_PASSWORD}); the
 * account must be allowed to create databases (once), roles and schemas. The launcher never stops it.
 */
final class ExternalDatabase implements DatabaseServer {

    private final String url;
    private final String user;
    private final String password;

    ExternalDatabase(String url, String user, String password) {
        JdbcUrls.withDatabase(url, "check"); // fails early on a URL that is not jdbc:postgresql://host...
        this.url = url;
        this.user = firstNonBlank(user, JdbcUrls.param(url, "user"), "postgres");
        this.password = firstNonBlank(password, JdbcUrls.param(url, "password"), "");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return values[values.length - 1];
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(url, database);
    }

    @Override
    public String maintenanceJdbcUrl() {
        return JdbcUrls.withoutCredentials(url);
    }

    @Override
    public String adminUser() {
        return user;
    }

    @Override
    public String adminPassword() {
        return password;
    }

    @Override
    public String describe() {
        return "PostgreSQL at " + JdbcUrls.withoutCredentials(url) + " (QUTAB_DB_URL, as " + user + ")";
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    @Override
    public OptionalInt listenPort() {
        return OptionalInt.empty();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
