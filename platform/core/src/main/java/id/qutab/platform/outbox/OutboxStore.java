package id.qutab.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement the relay runs against the {@code outbox} table, in one place.
 *
 * <p>Claiming works on aggregate heads: the oldest undelivered row of a (destination, aggregate) pair.
 * A relay locks heads with {@code FOR UPDATE SKIP LOCKED} and, in the same transaction, leases each head
 * together with the rows queued behind it. Another relay can only start an aggregate from its head, which
 * is locked or leased, so two relays never deliver one aggregate at once and order holds. A {@code DEAD}
 * head blocks its aggregate until an admin replays it: later events of that order never overtake it.
 * Nothing keeps a "last id seen": rows whose transaction commits late are found on a later round.
 *
 * <p>These statements run outside the business transaction, with their own short transactions.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String LOCK_HEADS = """
            WITH heads AS (
                SELECT DISTINCT ON (destination, aggregate_id) seq
                FROM outbox
                WHERE status <> 'SENT'
                ORDER BY destination, aggregate_id, seq
            )
            SELECT o.id FROM outbox o JOIN heads h ON h.seq = o.seq
            WHERE o.status = 'PENDING'
              AND o.next_attempt_at <= now()
              AND (o.lease_until IS NULL OR o.lease_until < now())
            ORDER BY o.seq
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED""";

    private static final String LEASE_CHAINS = """
            WITH head AS (SELECT destination, aggregate_id, seq FROM outbox WHERE id = ANY(?)),
            chain AS (
                SELECT f.id, row_number() OVER (PARTITION BY f.destination, f.aggregate_id ORDER BY f.seq) AS n
                FROM outbox f JOIN head h
                  ON f.destination = h.destination AND f.aggregate_id = h.aggregate_id AND f.seq >= h.seq
                WHERE f.status = 'PENDING'
            )
            UPDATE outbox o SET lease_owner = ?, lease_until = now() + make_interval(secs => ?)
            FROM chain c
            WHERE o.id = c.id AND c.n <= ? AND o.status = 'PENDING'
            RETURNING o.id, o.seq, o.event_id, o.destination, o.event_type, o.aggregate_id, o.occurred_at,
                      o.version, o.payload::text, o.attempts, o.lease_until""";

    private static final String MARK_SENT = """
            UPDATE outbox SET status = 'SENT', sent_at = now(), lease_owner = NULL, lease_until = NULL, last_error = NULL
            WHERE id = ? AND lease_owner = ? AND status = 'PENDING'""";

    private static final String MARK_FAILED = """
            UPDATE outbox SET attempts = attempts + 1,
                              last_error = ?,
                              lease_owner = NULL, lease_until = NULL,
                              next_attempt_at = now() + make_interval(secs => ?),
                              status = CASE WHEN attempts + 1 >= ? THEN 'DEAD' ELSE 'PENDING' END,
                              dead_at = CASE WHEN attempts + 1 >= ? THEN now() END
            WHERE id = ? AND lease_owner = ? AND status = 'PENDING'
            RETURNING status""";

    private static final String RELEASE = """
            UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ANY(?) AND lease_owner = ?""";

    private static final String STATS = """
            SELECT count(*) FILTER (WHERE status = 'PENDING'),
                   coalesce(extract(epoch FROM now() - min(occurred_at) FILTER (WHERE status = 'PENDING')), 0),
                   count(*) FILTER (WHERE status = 'DEAD')
            FROM outbox WHERE status <> 'SENT'""";

    private static final String DEAD_PAGE = """
            SELECT id, event_id, destination, event_type, aggregate_id, occurred_at, attempts, last_error, dead_at,
                   payload::text, count(*) OVER ()
            FROM outbox WHERE status = 'DEAD' ORDER BY seq LIMIT ? OFFSET ?""";

    private static final String REPLAY = """
            UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now(), dead_at = NULL,
                              lease_owner = NULL, lease_until = NULL
            WHERE id = ? AND status = 'DEAD'""";

    @Inject
    AgroalDataSource dataSource;

    /** Locks up to {@code heads} aggregate heads and leases them with up to {@code perAggregate} rows each. */
    public List<OutboxRow> claim(UUID owner, int heads, int perAggregate, Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<UUID> headIds = new ArrayList<>();
                try (PreparedStatement lock = c.prepareStatement(LOCK_HEADS)) {
                    lock.setInt(1, heads);
                    try (ResultSet rs = lock.executeQuery()) {
                        while (rs.next()) {
                            headIds.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                List<OutboxRow> claimed = new ArrayList<>();
                if (!headIds.isEmpty()) {
                    try (PreparedStatement leaseChains = c.prepareStatement(LEASE_CHAINS)) {
                        leaseChains.setArray(1, c.createArrayOf("uuid", headIds.toArray()));
                        leaseChains.setObject(2, owner);
                        leaseChains.setDouble(3, lease.toMillis() / 1000.0);
                        leaseChains.setInt(4, perAggregate);
                        try (ResultSet rs = leaseChains.executeQuery()) {
                            while (rs.next()) {
                                claimed.add(row(rs));
                            }
                        }
                    }
                }
                c.commit();
                claimed.sort((a, b) -> Long.compare(a.seq(), b.seq()));
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox claim failed", e);
        }
    }

    /** Marks one delivered row; false when this owner no longer holds its lease. */
    public boolean markSent(UUID id, UUID owner) {
        return update(MARK_SENT, id, owner) == 1;
    }

    /** Records a failed attempt; returns the row's new status, empty when the lease was lost. */
    public Optional<String> markFailed(UUID id, UUID owner, String error, Duration retryIn, int maxAttempts) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_FAILED)) {
            ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setDouble(2, retryIn.toMillis() / 1000.0);
            ps.setInt(3, maxAttempts);
            ps.setInt(4, maxAttempts);
            ps.setObject(5, id);
            ps.setObject(6, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed", e);
        }
    }

    /** Gives rows back without counting an attempt (the chain stopped before them). */
    public void release(List<UUID> ids, UUID owner) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.setObject(2, owner);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox release failed", e);
        }
    }

    public OutboxStats stats() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STATS);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new OutboxStats(rs.getLong(1), rs.getDouble(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox stats failed", e);
        }
    }

    public int deleteSentBefore(Instant cutoff) {
        return deleteBefore("DELETE FROM outbox WHERE status = 'SENT' AND sent_at < ?", cutoff);
    }

    public int deleteInboxBefore(Instant cutoff) {
        return deleteBefore("DELETE FROM inbox WHERE received_at < ?", cutoff);
    }

    public DeadLetterPage deadLetters(int limit, int offset) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DEAD_PAGE)) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<DeadLetter> items = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new DeadLetter(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs, 6), rs.getInt(7), rs.getString(8),
                            instant(rs, 9), rs.getString(10)));
                    total = rs.getLong(11);
                }
            }
            if (items.isEmpty() && offset > 0) {
                total = countDead(c);
            }
            return new DeadLetterPage(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("dead letter query failed", e);
        }
    }

    /** Puts a dead row back in line with fresh attempts; false when there is no such dead row. */
    public boolean replay(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REPLAY)) {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("replay failed", e);
        }
    }

    public boolean exists(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox lookup failed", e);
        }
    }

    private static long countDead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE status = 'DEAD'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int update(String sql, UUID id, UUID owner) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setObject(2, owner);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed", e);
        }
    }

    private int deleteBefore(String sql, Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("retention delete failed", e);
        }
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs, 7), rs.getInt(8), rs.getString(9), rs.getInt(10),
                instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public record OutboxStats(long pending, double oldestPendingAgeSeconds, long dead) {
    }

    public record DeadLetter(UUID id, UUID eventId, String destination, String type, String aggregateId,
                             Instant occurredAt, int attempts, String lastError, Instant deadAt, String payload) {
    }

    public record DeadLetterPage(List<DeadLetter> items, long total) {
    }
}
