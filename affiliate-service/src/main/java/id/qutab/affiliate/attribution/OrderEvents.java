package id.qutab.affiliate.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.affiliate.support.Payloads;
import id.qutab.affiliate.users.UserContacts;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

import static id.qutab.affiliate.support.Payloads.first;

/**
 * Consumes {@code commerce.order.*}. Each handler runs in the inbox transaction (so a redelivered event is never
 * applied twice), merges what the event says into the order's {@link TrackedOrder} under its row lock —
 * keeping the first value of every fact, whatever order the events arrive in — and lets
 * {@link OrderReconciliation} derive lead, commission and stats from the facts.
 *
 * <p>Tolerant of payload shapes: unknown fields are ignored; {@code attribution} may be missing (top-level
 * {@code referralCode}/{@code clickId}/{@code couponCode}/{@code couponAffiliateId} are used); times default to
 * the envelope's {@code occurredAt}. Not tolerated: a discounted order whose lines lack {@code paidAmount}. The
 * discount is spread once, by commerce; spreading it again here gave other roundings. commerce-service has sent
 * {@code paidAmount} on every line since its first version, so no such event can be in flight: one is refused
 * (422, the event goes to the dead letters for an admin) rather than paid on a guess.
 */
@ApplicationScoped
public class OrderEvents {

    private static final Logger LOG = Logger.getLogger(OrderEvents.class);

    @Inject
    TrackedOrders orders;

    @Inject
    OrderReconciliation reconciliation;

    @Inject
    UserContacts contacts;

    void onCreated(@Observes @EventType("commerce.order.created") EventEnvelope event) {
        apply(event, (order, p, at) -> {
            mergeCommon(order, p, true);
            if (order.createdAt == null) {
                order.createdAt = first(Payloads.instant(p, "createdAt"), at);
            }
            if (order.total == null) {
                order.total = Payloads.number(p, "total");
            }
        });
    }

    void onPaid(@Observes @EventType("commerce.order.paid") EventEnvelope event) {
        apply(event, (order, p, at) -> {
            mergeCommon(order, p, hasAttribution(p));
            if (order.paidAt == null) {
                order.paidAt = first(Payloads.instant(p, "paidAt"), at);
                order.subtotal = Payloads.number(p, "subtotal");
                order.discount = Payloads.number(p, "discount");
                Long total = Payloads.number(p, "total");
                if (total != null) {
                    order.total = total;
                }
                JsonNode lines = p.get("lines");
                requirePaidAmounts(order.discount, lines);
                orders.storePaidLines(order.orderId, lines != null && lines.isArray() ? lines.toString() : "[]");
            }
        });
    }

    void onCompleted(@Observes @EventType("commerce.order.completed") EventEnvelope event) {
        apply(event, (order, p, at) -> {
            mergeCommon(order, p, hasAttribution(p));
            if (order.completedAt == null) {
                order.completedAt = first(Payloads.instant(p, "completedAt"), at);
            }
        });
    }

    void onCancelled(@Observes @EventType("commerce.order.cancelled") EventEnvelope event) {
        close(event, TrackedOrder.CloseType.CANCELLED, "cancelledAt");
    }

    void onExpired(@Observes @EventType("commerce.order.expired") EventEnvelope event) {
        close(event, TrackedOrder.CloseType.EXPIRED, "expiredAt");
    }

    void onRefunded(@Observes @EventType("commerce.order.refunded") EventEnvelope event) {
        close(event, TrackedOrder.CloseType.REFUNDED, "refundedAt");
    }

    private void close(EventEnvelope event, TrackedOrder.CloseType type, String timeField) {
        apply(event, (order, p, at) -> {
            mergeCommon(order, p, hasAttribution(p));
            Instant closedAt = first(Payloads.instant(p, "at"), first(Payloads.instant(p, timeField), at));
            // The earliest closing wins (an order closes once; a duplicate closing never moves it later).
            if (order.closedAt == null || closedAt.isBefore(order.closedAt)) {
                order.closedAt = closedAt;
                order.closeType = type;
                order.closeReason = trim(Payloads.text(p, "reason"), 500);
            }
        });
    }

    private static void requirePaidAmounts(Long discount, JsonNode lines) {
        if (discount == null || discount <= 0 || lines == null || !lines.isArray()) {
            return;
        }
        for (JsonNode line : lines) {
            if (Payloads.number(line, "paidAmount") == null) {
                throw ProblemException.rule("paid-amount-missing", "A discounted order's paid event needs the"
                        + " paidAmount of every line: the discount is spread by commerce, never again here.");
            }
        }
    }

    private interface Merge {
        void into(TrackedOrder order, JsonNode payload, Instant eventTime);
    }

    private void apply(EventEnvelope event, Merge merge) {
        JsonNode p = event.payload();
        UUID orderId = Payloads.uuid(p, "orderId");
        if (orderId == null) {
            try {
                orderId = event.aggregateId() == null ? null : UUID.fromString(event.aggregateId());
            } catch (IllegalArgumentException e) {
                orderId = null;
            }
        }
        if (orderId == null) {
            LOG.warnf("%s %s names no order; ignored", event.type(), event.id());
            return;
        }
        TrackedOrder order = orders.lockOrCreate(orderId);
        if (order.firstSeenAt == null) {
            order.firstSeenAt = Instant.now();
        }
        Instant at = Payloads.micros(event.occurredAt() != null ? event.occurredAt() : Instant.now());
        merge.into(order, p, at);
        reconciliation.reconcile(order);
    }

    /** Who ordered and how it is attributed: the first event that says it sets it. */
    private void mergeCommon(TrackedOrder order, JsonNode p, boolean carriesAttribution) {
        if (order.userId == null) {
            order.userId = Payloads.uuid(p, "userId");
        }
        if (order.orderNumber == null) {
            order.orderNumber = trim(first(Payloads.text(p, "orderNumber"), Payloads.text(p, "number")), 60);
        }
        if (order.customerName == null) {
            String name = trim(Payloads.text(p, "customerName"), 200);
            if (name != null && (order.userId == null || contacts.findByIdOptional(order.userId)
                    .map(c -> !c.deleted()).orElse(true))) {
                order.customerName = name;
            }
        }
        if (!order.attributionKnown && carriesAttribution) {
            JsonNode a = p.get("attribution") != null && p.get("attribution").isObject() ? p.get("attribution") : null;
            order.referralCode = trim(first(a == null ? null : Payloads.text(a, "referralCode"), Payloads.text(p, "referralCode")), 40);
            order.clickId = trim(first(a == null ? null : Payloads.text(a, "clickId"), Payloads.text(p, "clickId")), 64);
            order.couponCode = trim(first(a == null ? null : Payloads.text(a, "couponCode"), Payloads.text(p, "couponCode")), 40);
            order.couponAffiliateId = first(a == null ? null : Payloads.uuid(a, "couponAffiliateId"),
                    Payloads.uuid(p, "couponAffiliateId"));
            order.referralAffiliateId = first(a == null ? null : Payloads.uuid(a, "referralAffiliateId"),
                    Payloads.uuid(p, "referralAffiliateId"));
            order.attributionKnown = true;
        }
    }

    /** Whether this payload says how the order is attributed (created always does; others may). */
    private static boolean hasAttribution(JsonNode p) {
        JsonNode a = p.get("attribution");
        if (a != null && a.isObject()) {
            return true;
        }
        return Payloads.text(p, "referralCode") != null || Payloads.text(p, "couponCode") != null
                || Payloads.uuid(p, "couponAffiliateId") != null || Payloads.uuid(p, "referralAffiliateId") != null;
    }


    private static String trim(String value, int max) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
