package id.qutab.platform.notify;

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
import java.util.UUID;

/**
 * Every statement on {@code notification_outbox}. Recording runs in the caller's (business) transaction; the
 * sender's statements run on their own, each committed at once.
 *
 * <p>Claiming is one statement: due rows are locked {@code FOR UPDATE SKIP LOCKED} and pushed
 * {@code lease} into the future with their attempt counted. Another sender skips them while locked and no
 * longer finds them due once committed, so replicas never send one message at the same time. Every later
 * update names the attempt it belongs to: a sender whose lease ran out cannot mark a row another one took.
 */
@ApplicationScoped
public class NotificationStore {

    private static final String INSERT = """
            INSERT INTO notification_outbox (id, channel, template, recipient, dedupe_key, locale, subject, body_text,
                                             body_html, send_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel, dedupe_key, recipient, template) DO NOTHING""";

    private static final String CLAIM = """
            UPDATE notification_outbox n
            SET attempts = n.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
            WHERE n.id IN (SELECT id FROM notification_outbox
                           WHERE status = 'PENDING' AND next_attempt_at <= now()
                           ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING n.id, n.channel, n.template, n.recipient, n.locale, n.subject, n.body_text, n.body_html,
                      n.attempts, n.send_until, n.created_at, n.next_attempt_at""";

    // Bodies may carry one-time links: they leave the table as soon as they are no longer needed.
    private static final String MARK_SENT = """
            UPDATE notification_outbox SET status = 'SENT', sent_at = now(), body_text = NULL, body_html = NULL,
                                           last_error = NULL
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    private static final String RETRY = """
            UPDATE notification_outbox SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    private static final String MARK_FAILED = """
            UPDATE notification_outbox SET status = 'FAILED', failed_at = now(), body_text = NULL, body_html = NULL,
                                           last_error = ?
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    /** Gives a claimed row back untried: due again at once, the attempt not counted. */
    private static final String RELEASE = """
            UPDATE notification_outbox SET next_attempt_at = now(), attempts = attempts - 1
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    private static final String STATS = """
            SELECT count(*) FILTER (WHERE status = 'PENDING'),
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PENDING')), 0),
                   count(*) FILTER (WHERE status = 'FAILED')
            FROM notification_outbox WHERE status <> 'SENT'""";

    @Inject
    AgroalDataSource dataSource;

    /** Inserts the message unless the same one (channel, dedupe key, recipient, template) exists; true if new. */
    boolean insert(Message m, Instant sendUntil) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, m.channel());
            ps.setString(3, m.template());
            ps.setString(4, clean(m.recipient()));
            ps.setString(5, clean(m.dedupeKey()));
            ps.setString(6, clean(m.locale()));
            ps.setString(7, clean(m.subject()));
            ps.setString(8, clean(m.text()));
            ps.setString(9, clean(m.html()));
            ps.setTimestamp(10, Timestamp.from(sendUntil));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record notification " + m.template(), e);
        }
    }

    /** Locks and leases up to {@code limit} due messages, oldest due first. */
    public List<PendingNotification> claim(int limit, Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setDouble(1, lease.toMillis() / 1000.0);
            ps.setInt(2, limit);
            List<PendingNotification> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new PendingNotification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getInt(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant()));
                }
            }
            // RETURNING does not keep the subquery's order
            claimed.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("notification claim failed", e);
        }
    }

    boolean markSent(PendingNotification n) {
        return update(MARK_SENT, n, null) == 1;
    }

    boolean retryIn(PendingNotification n, Duration delay, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RETRY)) {
            ps.setDouble(1, delay.toMillis() / 1000.0);
            ps.setString(2, error);
            ps.setObject(3, n.id());
            ps.setInt(4, n.attempts());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("notification update failed", e);
        }
    }

    boolean markFailed(PendingNotification n, String error) {
        return update(MARK_FAILED, n, error) == 1;
    }

    boolean release(PendingNotification n) {
        return update(RELEASE, n, null) == 1;
    }

    public Stats stats() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STATS);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Stats(rs.getLong(1), rs.getDouble(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("notification stats failed", e);
        }
    }

    /** Deletes sent and failed rows older than {@code cutoff}. */
    public int deleteFinishedBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM notification_outbox
                WHERE (status = 'SENT' AND sent_at < ?) OR (status = 'FAILED' AND failed_at < ?)""")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setTimestamp(2, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("notification retention failed", e);
        }
    }

    private int update(String sql, PendingNotification n, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (error != null) {
                ps.setString(i++, error);
            }
            ps.setObject(i++, n.id());
            ps.setInt(i, n.attempts());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("notification update failed", e);
        }
    }

    /** PostgreSQL refuses NUL in text; a hostile value in a mail must not fail the business transaction. */
    private static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    public record Stats(long pending, double oldestPendingAgeSeconds, long failed) {
    }
}
