package id.qutab.commerce.orders;

import id.qutab.commerce.attribution.OrderAttribution;
import id.qutab.commerce.catalog.Category;
import id.qutab.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code commerce.order.*} events (EVENTS.md), recorded in the outbox by the transaction that changed the
 * order while it holds the order's row lock: recording order is the order's commit order.
 */
@ApplicationScoped
public class OrderEventPublisher {

    public static final String CREATED = "commerce.order.created";
    public static final String PAID = "commerce.order.paid";
    public static final String PROCESSING_STARTED = "commerce.order.processing-started";
    public static final String DISTRIBUTED = "commerce.order.distributed";
    public static final String COMPLETED = "commerce.order.completed";
    public static final String CANCELLED = "commerce.order.cancelled";
    public static final String EXPIRED = "commerce.order.expired";
    public static final String REFUNDED = "commerce.order.refunded";

    @Inject
    Outbox outbox;

    @RegisterForReflection
    public record Line(UUID productId, String productName, Category category, int quantity, long unitPrice,
                       long lineTotal, long discount, long paidAmount) {
        static Line of(OrderLine l) {
            return new Line(l.productId, l.productName, l.category, l.quantity, l.unitPrice, l.lineTotal, l.discount,
                    l.paidAmount);
        }
    }

    @RegisterForReflection
    public record Created(UUID orderId, String number, UUID userId, String referralCode, String clickId,
                          String couponCode, UUID couponAffiliateId, long subtotal, long discount, long total,
                          List<Line> lines, OrderAttribution attribution, Instant createdAt, Instant paymentDueAt) {
    }

    @RegisterForReflection
    public record Paid(UUID orderId, String number, UUID userId, List<Line> lines, long subtotal, long discount,
                       long total, Instant paidAt, OrderAttribution attribution, UUID paymentId, String paymentMethod) {
    }

    @RegisterForReflection
    public record Progressed(UUID orderId, String number, UUID userId, OrderStatus status, String note,
                             String photoUrl, Instant at) {
    }

    @RegisterForReflection
    public record Completed(UUID orderId, String number, UUID userId, Instant paidAt, Instant completedAt,
                            OrderAttribution attribution) {
    }

    /** cancelled / expired / refunded: {@code amount} is what is refunded (refunds only). */
    @RegisterForReflection
    public record Closed(UUID orderId, String number, UUID userId, OrderStatus status, String reason, Instant at,
                         long total, Long amount, OrderAttribution attribution) {
    }

    public void created(Order o) {
        outbox.record(CREATED, o.id.toString(), new Created(o.id, o.number, o.userId, o.referralCode, o.clickId,
                o.couponCode, o.couponAffiliateId, o.subtotal, o.discount, o.total, lines(o), o.attribution(),
                o.createdAt, o.paymentDueAt));
    }

    public void paid(Order o, UUID paymentId, String paymentMethod) {
        outbox.record(PAID, o.id.toString(), new Paid(o.id, o.number, o.userId, lines(o), o.subtotal, o.discount,
                o.total, o.paidAt, o.attribution(), paymentId, paymentMethod));
    }

    public void progressed(Order o, String note, String photoUrl, Instant at) {
        String type = o.status == OrderStatus.PROCESSING ? PROCESSING_STARTED : DISTRIBUTED;
        outbox.record(type, o.id.toString(), new Progressed(o.id, o.number, o.userId, o.status, note, photoUrl, at));
    }

    public void completed(Order o) {
        outbox.record(COMPLETED, o.id.toString(),
                new Completed(o.id, o.number, o.userId, o.paidAt, o.completedAt, o.attribution()));
    }

    public void closed(Order o, Long refundedAmount) {
        String type = switch (o.status) {
            case CANCELLED -> CANCELLED;
            case EXPIRED -> EXPIRED;
            case REFUNDED -> REFUNDED;
            default -> throw new IllegalStateException("not a closing status: " + o.status);
        };
        outbox.record(type, o.id.toString(), new Closed(o.id, o.number, o.userId, o.status, o.closeReason,
                o.closedAt, o.total, refundedAmount, o.attribution()));
    }

    private static List<Line> lines(Order o) {
        return o.lines.stream().map(Line::of).toList();
    }
}
