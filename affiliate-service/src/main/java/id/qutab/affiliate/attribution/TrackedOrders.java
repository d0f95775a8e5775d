package id.qutab.affiliate.attribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.persistence.Sql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrackedOrders implements PanacheRepositoryBase<TrackedOrder, UUID> {

    private static final TypeReference<List<OrderEventPayloads.Line>> LINES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

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

    /** The paid event's lines, as read ({@link OrderEventPayloads.Line}), for the commission made later. */
    public void storePaidLines(UUID orderId, List<OrderEventPayloads.Line> lines) {
        String linesJson;
        try {
            linesJson = json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order lines not serializable", e);
        }
        Sql.update(getEntityManager(), "UPDATE tracked_order SET paid_lines = CAST(?2 AS jsonb) WHERE order_id = ?1",
                orderId, linesJson);
    }

    /** The lines {@link #storePaidLines} kept; empty when the order is not paid. */
    public List<OrderEventPayloads.Line> paidLines(UUID orderId) {
        Object value = getEntityManager().createNativeQuery(
                        "SELECT CAST(paid_lines AS text) FROM tracked_order WHERE order_id = ?1")
                .setParameter(1, orderId).getSingleResult();
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value.toString(), LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tracked_order.paid_lines of " + orderId + " is not a list of lines", e);
        }
    }
}
