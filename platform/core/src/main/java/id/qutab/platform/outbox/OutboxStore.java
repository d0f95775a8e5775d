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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A claim reads only rows that are due ({@code PENDING} and {@code next_attempt_at} passed, the partial
 * index {@code outbox_due}), never the whole backlog: a head that failed waits out its backoff with a future
 * {@code next_attempt_at}, a dead row is not {@code PENDING}, and the rows queued behind either are
 * <em>parked</em>: their {@code next_attempt_at} is moved to when their head can next move (its retry, its
 * lease end, or {@code infinity} behind a dead head). {@code next_attempt_at} of a row behind its head is
 * only this hint; order never depends on it (a chain is leased from its head by {@code seq}). Parking happens
 * when a head fails (its followers), and in {@link #park} for rows recorded behind a head that is already
 * waiting. Delivering a head un-parks the next row ({@link #markSent}). A hint that comes too late cannot
 * strand a row: {@link #park} takes a share lock on the head it parks behind and checks it is still
 * undelivered, so it either runs before that head's {@code SENT} (whose un-park then sees it) or sees the head
 * delivered and parks nothing.
 *
 * <p>Every time is a parameter from {@link RelayClock}, never the database's {@code now()}.
 * These statements run outside the business transaction, with their own short transactions.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String LOCK_HEADS = """
            SELECT o.id FROM outbox o
            WHERE o.status = 'PENDING'
              AND o.next_attempt_at <= ?
              AND (o.lease_until IS NULL OR o.lease_until < ?)
              AND NOT EXISTS (SELECT 1 FROM outbox p
                              WHERE p.destination = o.destination AND p.aggregate_id = o.aggregate_id
                                AND p.seq < o.seq AND p.status <> 'SENT')
            ORDER BY o.next_attempt_at
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED""";

    private static final String LEASE_CHAINS = """
            WITH chain AS (
                SELECT f.id FROM outbox h
                CROSS JOIN LATERAL (
                    SELECT f.id FROM outbox f
                    WHERE f.destination = h.destination AND f.aggregate_id = h.aggregate_id
                      AND f.seq >= h.seq AND f.status = 'PENDING'
                    ORDER BY f.seq LIMIT ?) f
                WHERE h.id = ANY(?)
            )
            UPDATE outbox o SET lease_owner = ?, lease_until = ?
            FROM chain c
            WHERE o.id = c.id AND o.status = 'PENDING'
            RETURNING o.id, o.seq, o.event_id, o.destination, o.event_type, o.aggregate_id, o.occurred_at,
                      o.version, o.payload::text, o.attempts, o.lease_until""";

    /**
     * A probe: the waiting head of {@code destination} whose retry is nearest, taken before it is due. Nearest
     * retry rather than oldest, so a head its consumer keeps failing (its retry moves away) does not take every probe.
     */
    private static final String LOCK_PROBE = """
            SELECT o.id FROM outbox o
            WHERE o.destination = ? AND o.status = 'PENDING' AND o.attempts > 0
              AND o.next_attempt_at > ?
              AND (o.lease_until IS NULL OR o.lease_until < ?)
              AND NOT EXISTS (SELECT 1 FROM outbox p
                              WHERE p.destination = o.destination AND p.aggregate_id = o.aggregate_id
                                AND p.seq < o.seq AND p.status <> 'SENT')
            ORDER BY o.next_attempt_at
            LIMIT 1
            FOR UPDATE OF o SKIP LOCKED""";

    /** Destinations with heads waiting out a backoff: a loose scan of {@code outbox_waiting}, one probe per destination. */
    private static final String WAITING_DESTINATIONS = """
            WITH RECURSIVE d(destination) AS (
                SELECT min(destination) FROM outbox WHERE status = 'PENDING' AND attempts > 0 AND next_attempt_at > ?
                UNION ALL
                SELECT (SELECT min(o.destination) FROM outbox o
                        WHERE o.status = 'PENDING' AND o.attempts > 0 AND o.next_attempt_at > ?
                          AND o.destination > d.destination)
                FROM d WHERE d.destination IS NOT NULL)
            SELECT destination FROM d WHERE destination IS NOT NULL""";

    /** Extends a lease that is still this owner's and still running; an expired one may already be another's. */
    private static final String RENEW = """
            UPDATE outbox SET lease_until = ?
            WHERE id = ANY(?) AND lease_owner = ? AND status = 'PENDING' AND lease_until > ?""";

    /**
     * The destination answered again: its heads waiting out a backoff are due now (attempts are kept). Locks in
     * id order, as {@link #LOCK_BLOCKERS} does, so it never deadlocks with a park. {@code DEAD} rows stay dead.
     */
    private static final String WAITING_DUE = """
            WITH waiting AS (SELECT id FROM outbox
                             WHERE destination = ? AND status = 'PENDING' AND attempts > 0 AND next_attempt_at > ?
                             ORDER BY id FOR UPDATE)
            UPDATE outbox o SET next_attempt_at = ?
            FROM waiting WHERE o.id = waiting.id AND o.status = 'PENDING' AND o.next_attempt_at > ?""";

    private static final String MARK_SENT = """
            UPDATE outbox SET status = 'SENT', sent_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL,
                              failing_since = NULL
            WHERE id = ? AND lease_owner = ? AND status = 'PENDING'
            RETURNING destination, aggregate_id, seq""";

    /** The chain's new head becomes due (a separate statement: its snapshot must see a park that waited for us). */
    private static final String UNPARK_NEXT = """
            UPDATE outbox SET next_attempt_at = ?
            WHERE id = (SELECT id FROM outbox
                        WHERE destination = ? AND aggregate_id = ? AND seq > ? AND status <> 'SENT'
                        ORDER BY seq LIMIT 1)
              AND status = 'PENDING' AND next_attempt_at > ?""";

    private static final String MARK_FAILED = """
            UPDATE outbox SET attempts = attempts + 1,
                              last_error = ?,
                              lease_owner = NULL, lease_until = NULL,
                              failing_since = coalesce(failing_since, ?),
                              next_attempt_at = ?,
                              status = CASE WHEN ? OR coalesce(failing_since, ?) <= ? THEN 'DEAD' ELSE 'PENDING' END,
                              dead_at = CASE WHEN ? OR coalesce(failing_since, ?) <= ? THEN ?::timestamptz END
            WHERE id = ? AND lease_owner = ? AND status = 'PENDING'
            RETURNING status, destination, aggregate_id, seq""";

    /** The rows behind a head that failed wait as long as it does; behind a dead head, until a replay. */
    private static final String PARK_FOLLOWERS = """
            UPDATE outbox SET next_attempt_at = CASE WHEN ? THEN 'infinity'::timestamptz ELSE ?::timestamptz END
            WHERE destination = ? AND aggregate_id = ? AND seq > ? AND status = 'PENDING'
              AND next_attempt_at < CASE WHEN ? THEN 'infinity'::timestamptz ELSE ?::timestamptz END""";

    private static final String RELEASE = """
            UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ANY(?) AND lease_owner = ?""";

    /** Due rows that are not their chain's head, with that head: recorded behind a head already waiting. */
    private static final String FIND_BLOCKED = """
            SELECT f.id, h.id FROM outbox f
            CROSS JOIN LATERAL (SELECT p.id FROM outbox p
                                WHERE p.destination = f.destination AND p.aggregate_id = f.aggregate_id
                                  AND p.seq < f.seq AND p.status <> 'SENT'
                                ORDER BY p.seq LIMIT 1) h
            WHERE f.status = 'PENDING' AND f.next_attempt_at <= ? AND (f.lease_until IS NULL OR f.lease_until < ?)
            ORDER BY f.next_attempt_at
            LIMIT ?""";

    /** Share lock: the head cannot be delivered (and un-park its successor) before the park commits. */
    private static final String LOCK_BLOCKERS = """
            SELECT id, status, next_attempt_at, lease_until FROM outbox
            WHERE id = ANY(?) AND status <> 'SENT'
            ORDER BY id
            FOR SHARE""";

    private static final String PARK = """
            UPDATE outbox SET next_attempt_at = CASE WHEN ? THEN 'infinity'::timestamptz ELSE ?::timestamptz END
            WHERE id = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)""";

    private static final String STATS = """
            SELECT count(*) FILTER (WHERE status = 'PENDING'),
                   coalesce(extract(epoch FROM ?::timestamptz - min(occurred_at) FILTER (WHERE status = 'PENDING')), 0),
                   count(*) FILTER (WHERE status = 'DEAD')
            FROM outbox WHERE status <> 'SENT'""";

    private static final String DEAD_PAGE = """
            SELECT id, event_id, destination, event_type, aggregate_id, occurred_at, attempts, last_error, dead_at,
                   payload::text, count(*) OVER ()
            FROM outbox WHERE status = 'DEAD' ORDER BY seq LIMIT ? OFFSET ?""";

    private static final String REPLAY = """
            UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = NULL, failing_since = NULL,
                              lease_owner = NULL, lease_until = NULL
            WHERE id = ? AND status = 'DEAD'""";

    /** Locks in id order, as {@link #LOCK_BLOCKERS} does, so a park and a bulk replay never deadlock. */
    private static final String REPLAY_DESTINATION = """
            WITH dead AS (SELECT id FROM outbox
                           WHERE status = 'DEAD' AND (CAST(? AS TEXT) IS NULL OR destination = ?)
                             AND (CAST(? AS TEXT) IS NULL OR event_type = ?)
                           ORDER BY id FOR UPDATE)
            UPDATE outbox o SET status = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = NULL,
                                failing_since = NULL, lease_owner = NULL, lease_until = NULL
            FROM dead WHERE o.id = dead.id AND o.status = 'DEAD'""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RelayClock clock;

    /** Locks up to {@code heads} aggregate heads and leases them with up to {@code perAggregate} rows each. */
    public List<OutboxRow> claim(UUID owner, int heads, int perAggregate, Duration lease) {
        return claimHeads(LOCK_HEADS, null, heads, owner, perAggregate, lease);
    }

    /**
     * Claims one head of {@code destination} that waits out its backoff, before it is due, with the rows behind it:
     * a probe of whether the destination answers again. Empty when it has no such head (or another relay has it).
     */
    public List<OutboxRow> claimProbe(UUID owner, String destination, int perAggregate, Duration lease) {
        return claimHeads(LOCK_PROBE, destination, 1, owner, perAggregate, lease);
    }

    private List<OutboxRow> claimHeads(String lockSql, String destination, int heads, UUID owner, int perAggregate,
                                       Duration lease) {
        Timestamp now = Timestamp.from(clock.now());
        try (Connection c = dataSource.getConnection()) {
            return transactionally(c, () -> {
                List<UUID> headIds = new ArrayList<>();
                try (PreparedStatement lock = c.prepareStatement(lockSql)) {
                    int p = 1;
                    if (destination != null) {
                        lock.setString(p++, destination);
                    }
                    lock.setTimestamp(p++, now);
                    lock.setTimestamp(p++, now);
                    if (destination == null) {
                        lock.setInt(p, heads);
                    }
                    try (ResultSet rs = lock.executeQuery()) {
                        while (rs.next()) {
                            headIds.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                List<OutboxRow> claimed = new ArrayList<>();
                if (!headIds.isEmpty()) {
                    try (PreparedStatement leaseChains = c.prepareStatement(LEASE_CHAINS)) {
                        leaseChains.setInt(1, perAggregate);
                        leaseChains.setArray(2, c.createArrayOf("uuid", headIds.toArray()));
                        leaseChains.setObject(3, owner);
                        leaseChains.setTimestamp(4, Timestamp.from(now.toInstant().plus(lease)));
                        try (ResultSet rs = leaseChains.executeQuery()) {
                            while (rs.next()) {
                                claimed.add(row(rs));
                            }
                        }
                    }
                }
                claimed.sort((a, b) -> Long.compare(a.seq(), b.seq()));
                return claimed;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("outbox claim failed", e);
        }
    }

    /** Destinations that have heads waiting out a backoff. */
    public List<String> waitingDestinations() {
        Timestamp now = Timestamp.from(clock.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(WAITING_DESTINATIONS)) {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            List<String> destinations = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    destinations.add(rs.getString(1));
                }
            }
            return destinations;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox probe lookup failed", e);
        }
    }

    /**
     * Extends this owner's lease on {@code ids} to {@code lease} from now, if it still holds all of them and the
     * lease has not run out; returns the new end, empty when the lease is lost (the caller must stop).
     */
    public Optional<Instant> renew(List<UUID> ids, UUID owner, Duration lease) {
        Instant now = clock.now();
        Instant until = now.plus(lease);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RENEW)) {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            ps.setObject(3, owner);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate() == ids.size() ? Optional.of(until) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox lease renewal failed", e);
        }
    }

    /** Makes every head of {@code destination} that waits out a backoff due now; returns how many. */
    public int makeWaitingDue(String destination) {
        Timestamp now = Timestamp.from(clock.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(WAITING_DUE)) {
            ps.setString(1, destination);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox backoff reset failed", e);
        }
    }

    /**
     * Parks up to {@code limit} due rows that wait behind an undelivered head, so later claims do not read them
     * again until that head can move; returns how many were parked.
     */
    public int park(int limit) {
        Timestamp now = Timestamp.from(clock.now());
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, List<UUID>> behind = new LinkedHashMap<>();
            try (PreparedStatement find = c.prepareStatement(FIND_BLOCKED)) {
                find.setTimestamp(1, now);
                find.setTimestamp(2, now);
                find.setInt(3, limit);
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        behind.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                                .add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (behind.isEmpty()) {
                return 0;
            }
            return transactionally(c, () -> {
                int parked = 0;
                // All head locks first, then the followers: the order markSent and markFailed use too.
                List<Object[]> until = new ArrayList<>();
                try (PreparedStatement lock = c.prepareStatement(LOCK_BLOCKERS)) {
                    lock.setArray(1, c.createArrayOf("uuid", behind.keySet().toArray()));
                    try (ResultSet rs = lock.executeQuery()) {
                        while (rs.next()) {
                            boolean dead = "DEAD".equals(rs.getString(2));
                            Timestamp next = rs.getTimestamp(3);
                            Timestamp lease = rs.getTimestamp(4);
                            Timestamp movesAt = lease != null && lease.after(next) ? lease : next;
                            if (dead || movesAt.after(now)) {
                                until.add(new Object[]{rs.getObject(1, UUID.class), dead, movesAt});
                            }
                        }
                    }
                }
                try (PreparedStatement park = c.prepareStatement(PARK)) {
                    for (Object[] head : until) {
                        for (UUID follower : behind.get((UUID) head[0])) {
                            park.setBoolean(1, (Boolean) head[1]);
                            park.setTimestamp(2, (Timestamp) head[2]);
                            park.setObject(3, follower);
                            park.setTimestamp(4, now);
                            park.addBatch();
                        }
                    }
                    for (int n : park.executeBatch()) {
                        parked += Math.max(n, 0);
                    }
                }
                return parked;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("outbox park failed", e);
        }
    }

    /** Marks one delivered row and un-parks the next; false when this owner no longer holds its lease. */
    public boolean markSent(UUID id, UUID owner) {
        Timestamp now = Timestamp.from(clock.now());
        try (Connection c = dataSource.getConnection()) {
            return transactionally(c, () -> {
                boolean sent = false;
                String destination = null;
                String aggregate = null;
                long seq = 0;
                try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
                    ps.setTimestamp(1, now);
                    ps.setObject(2, id);
                    ps.setObject(3, owner);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            sent = true;
                            destination = rs.getString(1);
                            aggregate = rs.getString(2);
                            seq = rs.getLong(3);
                        }
                    }
                }
                if (sent) {
                    try (PreparedStatement ps = c.prepareStatement(UNPARK_NEXT)) {
                        ps.setTimestamp(1, now);
                        ps.setString(2, destination);
                        ps.setString(3, aggregate);
                        ps.setLong(4, seq);
                        ps.setTimestamp(5, now);
                        ps.executeUpdate();
                    }
                }
                return sent;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed", e);
        }
    }

    /**
     * Records a failed attempt: {@code DEAD} when {@code rejected} or when the row has been failing for
     * {@code maxAge}, otherwise due again in {@code retryIn}; the rows behind it are parked accordingly.
     * Returns the row's new status, empty when the lease was lost.
     */
    public Optional<String> markFailed(UUID id, UUID owner, String error, boolean rejected, Duration retryIn,
                                       Duration maxAge) {
        Instant instant = clock.now();
        Timestamp now = Timestamp.from(instant);
        Timestamp retryAt = Timestamp.from(instant.plus(retryIn));
        Timestamp deadline = Timestamp.from(instant.minus(maxAge));
        try (Connection c = dataSource.getConnection()) {
            return transactionally(c, () -> {
                Optional<String> status = Optional.empty();
                String destination = null;
                String aggregate = null;
                long seq = 0;
                try (PreparedStatement ps = c.prepareStatement(MARK_FAILED)) {
                    ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, retryAt);
                    ps.setBoolean(4, rejected);
                    ps.setTimestamp(5, now);
                    ps.setTimestamp(6, deadline);
                    ps.setBoolean(7, rejected);
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, deadline);
                    ps.setTimestamp(10, now);
                    ps.setObject(11, id);
                    ps.setObject(12, owner);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            status = Optional.of(rs.getString(1));
                            destination = rs.getString(2);
                            aggregate = rs.getString(3);
                            seq = rs.getLong(4);
                        }
                    }
                }
                if (status.isPresent()) {
                    boolean dead = "DEAD".equals(status.get());
                    try (PreparedStatement ps = c.prepareStatement(PARK_FOLLOWERS)) {
                        ps.setBoolean(1, dead);
                        ps.setTimestamp(2, retryAt);
                        ps.setString(3, destination);
                        ps.setString(4, aggregate);
                        ps.setLong(5, seq);
                        ps.setBoolean(6, dead);
                        ps.setTimestamp(7, retryAt);
                        ps.executeUpdate();
                    }
                }
                return status;
            });
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STATS)) {
            ps.setTimestamp(1, Timestamp.from(clock.now()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new OutboxStats(rs.getLong(1), rs.getDouble(2), rs.getLong(3));
            }
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
            ps.setTimestamp(1, Timestamp.from(clock.now()));
            ps.setObject(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("replay failed", e);
        }
    }

    /**
     * Puts every dead row of {@code destination} back in line; returns how many. A dead row is always the head
     * of its aggregate's chain, so each aggregate resumes from it and its events still arrive in order.
     */
    /** Replays the dead letters of a destination and/or an event type; {@code null} for either means any. */
    public int replayAll(String destination, String eventType) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REPLAY_DESTINATION)) {
            ps.setString(1, destination);
            ps.setString(2, destination);
            ps.setString(3, eventType);
            ps.setString(4, eventType);
            ps.setTimestamp(5, Timestamp.from(clock.now()));
            return ps.executeUpdate();
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

    private int deleteBefore(String sql, Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("retention delete failed", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} as one JDBC transaction on {@code c} (the relay's statements run outside JTA, on the
     * datasource): committed when it returns, rolled back when it throws, the connection's mode restored either way.
     */
    private static <T> T transactionally(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
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
