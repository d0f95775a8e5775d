package id.qutab.affiliate.commissions;

import id.qutab.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The {@code commission-maturation} job (DESIGN.md rule 2): PENDING → AVAILABLE when the order is completed AND
 * {@code qutab.commission.hold-days} have passed since payment, with {@code affiliate.commission.matured}.
 *
 * <p>One conditional UPDATE per batch decides, in the database's clock ({@code paid_at + hold ≤ now()}): rows
 * are claimed {@code FOR UPDATE SKIP LOCKED} and only while still PENDING, so two instances running the job at
 * once mature every commission exactly once, a void racing the job either waits or is skipped-and-retried, and a
 * second run finds nothing to do.
 */
@ApplicationScoped
public class CommissionMaturation {

    private static final Logger LOG = Logger.getLogger(CommissionMaturation.class);
    private static final int BATCH = 500;
    private static final String MATURE = """
            WITH due AS (
                SELECT id FROM commission
                WHERE status = 'PENDING' AND order_completed_at IS NOT NULL
                  AND paid_at + make_interval(days => ?) <= now()
                ORDER BY paid_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE commission c SET status = 'AVAILABLE', available_at = now(), updated_at = now()
            FROM due WHERE c.id = due.id AND c.status = 'PENDING'
            RETURNING c.id, c.affiliate_id, c.order_id, c.amount, c.available_at""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    CommissionConfig config;

    /** Runs with the configured hold. */
    public int run() {
        return run(config.holdDays());
    }

    /** Matures every due commission; returns how many. */
    public int run(int holdDays) {
        int total = 0;
        while (true) {
            int matured = QuarkusTransaction.requiringNew().call(() -> batch(holdDays));
            total += matured;
            if (matured < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("commission maturation: %d commission(s) now available", total);
        }
        return total;
    }

    private int batch(int holdDays) throws SQLException {
        int n = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(MATURE)) {
            update.setInt(1, Math.max(0, holdDays));
            update.setInt(2, BATCH);
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    outbox.record(CommissionEvents.MATURED, id.toString(), new CommissionEvents.Matured(id,
                            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getLong(4),
                            CommissionStatus.AVAILABLE.name(), rs.getTimestamp(5).toInstant()));
                    n++;
                }
            }
        }
        return n;
    }
}
