package id.qutab.affiliate.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL reads and writes for assertions on the real database. */
@ApplicationScoped
public class Db {

    @Inject
    AgroalDataSource dataSource;

    public long count(String sql, Object... args) {
        Object value = one(sql, args);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Object one(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
                        Object value = rs.getObject(i);
                        row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof java.time.Instant instant) {
                ps.setTimestamp(i + 1, java.sql.Timestamp.from(instant));
            } else if (arg instanceof java.time.LocalDate date) {
                ps.setDate(i + 1, java.sql.Date.valueOf(date));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }
}
