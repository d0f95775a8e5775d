package id.qutab.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

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
 * Plain SQL reads and writes for assertions on the real database of the service under test
 * ({@code @Inject TestDb db}). Assert state where it lives, not just status codes.
 */
@ApplicationScoped
public class TestDb {

    @Inject
    AgroalDataSource dataSource;

    /** Set instead of the injected one by {@link #ofAppUnderTest()}. */
    private DataSource direct;

    /**
     * A {@code TestDb} on the test JVM's own connection to the app's database ({@link AppDataSource}), for tests that
     * a {@code @QuarkusIntegrationTest} extends: there the app runs in another process and nothing is injected.
     */
    public static TestDb ofAppUnderTest() {
        TestDb db = new TestDb();
        db.direct = new AppDataSource();
        return db;
    }

    private Connection connection() throws SQLException {
        return direct != null ? direct.getConnection() : dataSource.getConnection();
    }

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
