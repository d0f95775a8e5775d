package id.qutab.payout.testsupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL on the service's database from the test JVM's own connection, with {@code TestDb}'s methods. The URL,
 * account and schema are the ones the app under test was given, read from the test's configuration on first use.
 * Unlike the injected {@code TestDb} this also works in a {@code @QuarkusIntegrationTest}, where the app runs in
 * another process (the packaged jar or the native binary) and nothing can be injected: {@code PostgresResource}
 * starts in the test JVM and hands the app its database, and Quarkus shows the test that same configuration.
 */
public final class ServiceDb {

    private PGSimpleDataSource dataSource;

    /** A count or sum; SQL's {@code NULL} (the sum of no rows) is 0. */
    public long count(String sql, Object... args) {
        Object value = one(sql, args);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Object one(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<List<Object>> rows = new ArrayList<>();
            if (!ps.execute()) {
                return rows;
            }
            try (ResultSet rs = ps.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int exec(String sql, Object... args) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Connection connection() throws SQLException {
        if (dataSource == null) {
            Config config = ConfigProvider.getConfig();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
            ds.setUser(config.getValue("quarkus.datasource.username", String.class));
            ds.setPassword(config.getValue("quarkus.datasource.password", String.class));
            ds.setCurrentSchema(config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema",
                    String.class));
            dataSource = ds;
        }
        return dataSource.getConnection();
    }

    /** The driver takes neither {@link Instant} nor {@link LocalDate} as such: they go as a timestamp and a date. */
    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (arg instanceof LocalDate date) {
                ps.setDate(i + 1, Date.valueOf(date));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }
}
