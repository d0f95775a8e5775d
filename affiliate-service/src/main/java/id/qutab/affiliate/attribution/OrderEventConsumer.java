package id.qutab.affiliate.attribution;

import id.qutab.affiliate.attribution.OrderEventPayloads.Closed;
import id.qutab.affiliate.attribution.OrderEventPayloads.Completed;
import id.qutab.affiliate.attribution.OrderEventPayloads.Created;
import id.qutab.affiliate.attribution.OrderEventPayloads.Line;
import id.qutab.affiliate.attribution.OrderEventPayloads.OrderAttribution;
import id.qutab.affiliate.attribution.OrderEventPayloads.Paid;
import id.qutab.affiliate.support.Payloads;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Consumes {@code commerce.order.*}, read through {@link OrderEventPayloads} (exactly the fields commerce sends).
 * Each handler runs in the inbox transaction (so a redelivered event is never applied twice), merges what the event
 * says into the order's {@link TrackedOrder} under its row lock — keeping the first value of every fact, whatever
 * order the events arrive in — and lets {@link OrderReconciliation} derive lead, commission and stats from the facts.
 *
 * <p>A payload time that is missing or malformed is the envelope's {@code occurredAt} (the time commerce recorded
 * the event). Not tolerated: a discounted order whose lines lack {@code paidAmount}. The discount is spread once, by
 * commerce; spreading it again here gave other roundings. One is refused (422, the event goes to the dead letters
 * for an admin) rather than paid on a guess.
 */
@ApplicationScoped
public class OrderEventConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventConsumer.class);

    @Inject
    TrackedOrders orders;

    @Inject
    OrderReconciliation reconciliation;

    void onCreated(@Observes @EventType("commerce.order.created") EventEnvelope event) {
        Created created = Created.of(event.payload());
        apply(event, created.orderId(), (order, at) -> {
            mergeCommon(order, created.number(), created.userId(), created.attribution());
            if (order.createdAt == null) {
                order.createdAt = first(created.createdAt(), at);
            }
            if (order.total == null) {
                order.total = created.total();
            }
        });
    }

    void onPaid(@Observes @EventType("commerce.order.paid") EventEnvelope event) {
        Paid paid = Paid.of(event.payload());
        apply(event, paid.orderId(), (order, at) -> {
            mergeCommon(order, paid.number(), paid.userId(), paid.attribution());
            if (order.paidAt == null) {
                order.paidAt = first(paid.paidAt(), at);
                order.subtotal = paid.subtotal();
                order.discount = paid.discount();
                if (paid.total() != null) {
                    order.total = paid.total();
                }
                requirePaidAmounts(paid.discount(), paid.lines());
                orders.storePaidLines(order.orderId, paid.lines());
            }
        });
    }

    void onCompleted(@Observes @EventType("commerce.order.completed") EventEnvelope event) {
        Completed completed = Completed.of(event.payload());
        apply(event, completed.orderId(), (order, at) -> {
            mergeCommon(order, completed.number(), completed.userId(), completed.attribution());
            if (order.completedAt == null) {
                order.completedAt = first(completed.completedAt(), at);
            }
        });
    }

    void onCancelled(@Observes @EventType("commerce.order.cancelled") EventEnvelope event) {
        close(event, TrackedOrder.CloseType.CANCELLED);
    }

    void onExpired(@Observes @EventType("commerce.order.expired") EventEnvelope event) {
        close(event, TrackedOrder.CloseType.EXPIRED);
    }

    void onRefunded(@Observes @EventType("commerce.order.refunded") EventEnvelope event) {
        close(event, TrackedOrder.CloseType.REFUNDED);
    }

    private void close(EventEnvelope event, TrackedOrder.CloseType type) {
        Closed closed = Closed.of(event.payload());
        apply(event, closed.orderId(), (order, at) -> {
            mergeCommon(order, closed.number(), closed.userId(), closed.attribution());
            Instant closedAt = first(closed.at(), at);
            // The earliest closing wins (an order closes once; a duplicate closing never moves it later).
            if (order.closedAt == null || closedAt.isBefore(order.closedAt)) {
                order.closedAt = closedAt;
                order.closeType = type;
                order.closeReason = trim(closed.reason(), 500);
            }
        });
    }

    private static void requirePaidAmounts(Long discount, List<Line> lines) {
        if (discount == null || discount <= 0) {
            return;
        }
        if (lines.stream().anyMatch(line -> line.paidAmount() == null)) {
            throw ProblemException.rule("paid-amount-missing", "A discounted order's paid event needs the"
                    + " paidAmount of every line: the discount is spread by commerce, never again here.");
        }
    }

    private interface Merge {
        void into(TrackedOrder order, Instant eventTime);
    }

    private void apply(EventEnvelope event, UUID orderId, Merge merge) {
        if (orderId == null) {
            LOG.warnf("%s %s names no order; ignored", event.type(), event.id());
            return;
        }
        TrackedOrder order = orders.lockOrCreate(orderId);
        if (order.firstSeenAt == null) {
            order.firstSeenAt = Instant.now();
        }
        Instant at = Payloads.micros(event.occurredAt() != null ? event.occurredAt() : Instant.now());
        merge.into(order, at);
        reconciliation.reconcile(order);
    }

    /** Who ordered and how it is attributed: the first event that says it sets it. */
    private static void mergeCommon(TrackedOrder order, String number, UUID userId, OrderAttribution attribution) {
        if (order.userId == null) {
            order.userId = userId;
        }
        if (order.orderNumber == null) {
            order.orderNumber = trim(number, 60);
        }
        if (!order.attributionKnown && attribution != null) {
            order.referralCode = trim(attribution.referralCode(), 40);
            order.clickId = trim(attribution.clickId(), 64);
            order.couponCode = trim(attribution.couponCode(), 40);
            order.couponAffiliateId = attribution.couponAffiliateId();
            order.referralAffiliateId = attribution.referralAffiliateId();
            order.attributionKnown = true;
        }
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static String trim(String value, int max) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
