package id.qutab.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The service's database as the test JVM reaches it on its own connection: the URL, account and schema the app under
 * test was given, read from the test's configuration on first use. Unlike an injected datasource this also works in
 * a {@code @QuarkusIntegrationTest}, where the app runs in another process (the packaged jar or the native binary)
 * and nothing can be injected: {@link PostgresResource} starts in the test JVM and hands the app its database, and
 * Quarkus shows the test that same configuration.
 */
public class AppDataSource extends PGSimpleDataSource {

    private boolean configured;

    @Override
    public Connection getConnection() throws SQLException {
        configure();
        return super.getConnection();
    }

    private synchronized void configure() {
        if (configured) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
        setUser(config.getValue("quarkus.datasource.username", String.class));
        setPassword(config.getValue("quarkus.datasource.password", String.class));
        config.getOptionalValue("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", String.class)
                .ifPresent(this::setCurrentSchema);
        configured = true;
    }
}
