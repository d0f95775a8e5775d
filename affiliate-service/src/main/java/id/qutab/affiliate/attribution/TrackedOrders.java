package id.qutab.affiliate.attribution;

import id.qutab.platform.persistence.Sql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class TrackedOrders implements PanacheRepositoryBase<TrackedOrder, UUID> {

    /**
     * The order's row, created if this is the first event about it, locked for the rest of the transaction:
     * concurrent events of one order (and payouts touching its commission) apply one after another.
     */
    public TrackedOrder lockOrCreate(UUID orderId) {
        Sql.update(getEntityManager(), "INSERT INTO tracked_order (order_id) VALUES (?1) ON CONFLICT (order_id) DO NOTHING",
                orderId);
        return findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    public TrackedOrder lock(UUID orderId) {
        return findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    public void storePaidLines(UUID orderId, String linesJson) {
        Sql.update(getEntityManager(), "UPDATE tracked_order SET paid_lines = CAST(?2 AS jsonb) WHERE order_id = ?1",
                orderId, linesJson);
    }

    public String paidLines(UUID orderId) {
        Object value = getEntityManager().createNativeQuery(
                        "SELECT CAST(paid_lines AS text) FROM tracked_order WHERE order_id = ?1")
                .setParameter(1, orderId).getSingleResult();
        return value == null ? null : value.toString();
    }
}
