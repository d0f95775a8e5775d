package id.qutab.platform.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 *
 * <p>Delivery statuses (WhatsApp's webhooks) only move forward ({@link DeliveryStatus}). Storing a provider id and
 * applying a status for it are serialized per id by a transaction-scoped advisory lock, so a status that arrives
 * before its id is stored is parked in {@code notification_delivery_early} and applied when the id is stored,
 * never lost between the two.
 */
@ApplicationScoped
public class NotificationStore {

    private static final String INSERT = """
            INSERT INTO notification_outbox (id, channel, template, recipient, dedupe_key, locale, subject, body_text,
                                             body_html, send_until, template_version, parameters)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (channel, dedupe_key, recipient, template) DO NOTHING""";

    private static final String CLAIM = """
            UPDATE notification_outbox n
            SET attempts = n.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
            WHERE n.id IN (SELECT id FROM notification_outbox
                           WHERE status = 'PENDING' AND next_attempt_at <= now()
                           ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING n.id, n.channel, n.template, n.recipient, n.locale, n.subject, n.body_text, n.body_html,
                      n.attempts, n.send_until, n.created_at, n.next_attempt_at, n.template_version,
                      n.parameters::text""";

    // Bodies may carry one-time links: they leave the table as soon as they are no longer needed.
    private static final String MARK_SENT = """
            UPDATE notification_outbox SET status = 'SENT', sent_at = now(), body_text = NULL, body_html = NULL,
                                           parameters = NULL, last_error = NULL
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    private static final String MARK_SENT_WITH_ID = """
            UPDATE notification_outbox SET status = 'SENT', sent_at = now(), body_text = NULL, body_html = NULL,
                                           parameters = NULL, last_error = NULL, provider_message_id = ?,
                                           delivery_status = 'SENT', delivery_at = now()
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    /** Namespace of the two-key advisory locks on a provider id (the one-key space is the services' own). */
    private static final int PROVIDER_ID_LOCK = 0x6E6F7469; // "noti"

    private static final String LOCK_PROVIDER_ID = "SELECT pg_advisory_xact_lock(?, hashtext(?))";

    /** Moves a row's delivery status forward only: a status ranked at or below the current one changes nothing. */
    private static final String APPLY_STATUS = """
            UPDATE notification_outbox SET delivery_status = ?, delivery_at = ?, delivery_error = ?
            WHERE provider_message_id = ?
              AND (CASE delivery_status WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3
                                        WHEN 'FAILED' THEN 4 ELSE 0 END) < ?""";

    private static final String PARK_STATUS = """
            INSERT INTO notification_delivery_early (provider_message_id, delivery_status, delivery_at, delivery_error)
            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private static final String TAKE_PARKED = """
            DELETE FROM notification_delivery_early WHERE provider_message_id = ?
            RETURNING delivery_status, delivery_at, delivery_error""";

    private static final String RETRY = """
            UPDATE notification_outbox SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?
            WHERE id = ? AND attempts = ? AND status = 'PENDING'""";

    private static final String MARK_FAILED = """
            UPDATE notification_outbox SET status = 'FAILED', failed_at = now(), body_text = NULL, body_html = NULL,
                                           parameters = NULL, last_error = ?
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
            ps.setObject(11, m.templateVersion(), java.sql.Types.INTEGER);
            ps.setString(12, m.parameters() == null ? null : toJson(m.parameters()));
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
                            rs.getInt(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(),
                            rs.getObject(13, Integer.class), fromJson(rs.getString(14))));
                }
            }
            // RETURNING does not keep the subquery's order
            claimed.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("notification claim failed", e);
        }
    }

    /**
     * The provider took the message. With a provider id (WhatsApp) the row is {@code delivery_status = SENT} and any
     * status that arrived for that id before this moment is applied now.
     */
    boolean markSent(PendingNotification n, String providerMessageId) {
        if (providerMessageId == null) {
            return update(MARK_SENT, n, null) == 1;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                lock(c, providerMessageId);
                try (PreparedStatement ps = c.prepareStatement(MARK_SENT_WITH_ID)) {
                    ps.setString(1, providerMessageId);
                    ps.setObject(2, n.id());
                    ps.setInt(3, n.attempts());
                    if (ps.executeUpdate() != 1) {
                        return false;
                    }
                }
                List<DeliveryStatus.Report> parked = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(TAKE_PARKED)) {
                    ps.setString(1, providerMessageId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            parked.add(new DeliveryStatus.Report(providerMessageId,
                                    DeliveryStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                                    rs.getString(3)));
                        }
                    }
                }
                for (DeliveryStatus.Report report : parked) {
                    applyLocked(c, report);
                }
                return true;
            }
        });
    }

    /**
     * Applies a status the provider reported, in its own transaction: forward only, an id not stored yet parks it.
     *
     * @return true when the row's status moved (or the report was parked), false when it was stale or a duplicate
     */
    public boolean applyDeliveryStatus(DeliveryStatus.Report report) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                lock(c, report.providerMessageId());
                if (applyLocked(c, report)) {
                    return true;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM notification_outbox WHERE provider_message_id = ?")) {
                    ps.setString(1, report.providerMessageId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return false; // known and already at or past this status
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(PARK_STATUS)) {
                    ps.setString(1, report.providerMessageId());
                    ps.setString(2, report.status().name());
                    ps.setTimestamp(3, Timestamp.from(report.at()));
                    ps.setString(4, clean(report.error()));
                    return ps.executeUpdate() == 1;
                }
            }
        });
    }

    private static void lock(Connection c, String providerMessageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK_PROVIDER_ID)) {
            ps.setInt(1, PROVIDER_ID_LOCK);
            ps.setString(2, providerMessageId);
            ps.execute();
        }
    }

    private static boolean applyLocked(Connection c, DeliveryStatus.Report report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(APPLY_STATUS)) {
            ps.setString(1, report.status().name());
            ps.setTimestamp(2, Timestamp.from(report.at()));
            ps.setString(3, report.status() == DeliveryStatus.FAILED ? clean(report.error()) : null);
            ps.setString(4, report.providerMessageId());
            ps.setInt(5, report.status().rank());
            return ps.executeUpdate() == 1;
        }
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

    /**
     * Deletes sent and failed rows older than {@code cutoff}, and parked statuses of ids never stored (another
     * service's messages, or rows already deleted) received before it.
     */
    public int deleteFinishedBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM notification_outbox
                WHERE (status = 'SENT' AND sent_at < ?) OR (status = 'FAILED' AND failed_at < ?)""");
             PreparedStatement early = c.prepareStatement(
                     "DELETE FROM notification_delivery_early WHERE received_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setTimestamp(2, Timestamp.from(cutoff));
            early.setTimestamp(1, Timestamp.from(cutoff));
            early.executeUpdate();
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

    private static String toJson(List<String> parameters) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        parameters.forEach(p -> array.add(clean(p)));
        return array.toString();
    }

    private static List<String> fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            List<String> parameters = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                parameters.add(node.isNull() ? null : node.asText());
            }
            return parameters;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable parameters in notification_outbox", e);
        }
    }

    /** PostgreSQL refuses NUL in text; a hostile value in a mail must not fail the business transaction. */
    private static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    public record Stats(long pending, double oldestPendingAgeSeconds, long failed) {
    }
}
