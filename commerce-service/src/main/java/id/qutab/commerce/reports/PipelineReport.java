package id.qutab.commerce.reports;

import id.qutab.commerce.orders.OrderStatus;
import id.qutab.platform.persistence.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/admin/reports/orders-pipeline}: orders and their value per status now, from the deltas the
 * database appends on every status change ({@code order_status_tally}: a sum over a few rows per status, not a
 * GROUP BY over every order), and the paid orders that have waited longest in PAID, PROCESSING or DISTRIBUTED
 * (the partial index on {@code status_since}, the time the order entered its status).
 */
@ApplicationScoped
public class PipelineReport {

    static final int OLDEST_WAITING = 10;

    @Inject
    EntityManager em;

    @RegisterForReflection
    public record Pipeline(List<StatusCount> statuses, List<Waiting> oldestWaiting) {
    }

    @RegisterForReflection
    public record StatusCount(String status, long count, long value) {
    }

    /** {@code total} is an extension: what the waiting order is worth. */
    @RegisterForReflection
    public record Waiting(UUID orderId, String number, String status, Instant since, long total) {
    }

    @Transactional
    public Pipeline now() {
        Map<OrderStatus, long[]> by = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            by.put(s, new long[2]);
        }
        for (Object[] r : Sql.rows(em, "SELECT status, sum(orders), sum(value) FROM order_status_tally GROUP BY status")) {
            long[] v = by.get(OrderStatus.valueOf((String) r[0]));
            v[0] = Sql.longValue(r[1]);
            v[1] = Sql.longValue(r[2]);
        }
        List<StatusCount> statuses = new ArrayList<>();
        by.forEach((s, v) -> statuses.add(new StatusCount(s.name(), v[0], v[1])));
        List<Waiting> waiting = new ArrayList<>();
        for (Object[] r : Sql.rows(em, """
                SELECT id, number, status, status_since, total FROM customer_order
                WHERE status IN ('PAID', 'PROCESSING', 'DISTRIBUTED')
                ORDER BY status_since, id LIMIT ?1""", OLDEST_WAITING)) {
            waiting.add(new Waiting((UUID) r[0], (String) r[1], (String) r[2], Sql.instant(r[3]),
                    Sql.longValue(r[4])));
        }
        return new Pipeline(statuses, waiting);
    }
}
