package id.qutab.commerce.loyalty;

import id.qutab.commerce.loyalty.tiers.Tier;
import id.qutab.commerce.loyalty.tiers.TierReview;
import id.qutab.commerce.loyalty.tiers.TierSettings;
import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderEventPublisher;
import id.qutab.commerce.orders.OrderStatus;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Points for completed orders, taken back when they are refunded; commerce consumes its own
 * {@code commerce.order.completed} and {@code commerce.order.refunded} (subscription
 * {@code qutab.outbox.subscriptions.commerce}), in the inbox transaction. Once per order whatever the delivery:
 * the inbox drops a redelivered event, the unique index drops a second event for the same order. The order's row
 * lock, taken first, serializes this with the order's own refund: a completed event for an order refunded since
 * earns nothing (status checked under the lock), a refund of an order that never earned reverses nothing.
 */
@ApplicationScoped
public class LoyaltyEarning {

    private static final Logger LOG = Logger.getLogger(LoyaltyEarning.class);

    @Inject
    EntityManager em;

    @Inject
    LoyaltyLedger ledger;

    @Inject
    LoyaltyEvents events;

    @Inject
    LoyaltyConfig config;

    @Inject
    TierReview review;

    @Inject
    TierSettings settings;

    /** floor(paid / points-per-rupiah) × multiplier, rounded down. */
    public static long points(long paid, long rupiahPerPoint, int multiplierBps) {
        return Math.multiplyExact(paid / rupiahPerPoint, (long) multiplierBps) / 10_000;
    }

    void onCompleted(@Observes @EventType(OrderEventPublisher.COMPLETED) EventEnvelope event) {
        UUID orderId = UUID.fromString(event.payload().path("orderId").asText());
        Order order = Order.lock(orderId).orElse(null);
        if (order == null || order.status != OrderStatus.COMPLETED) {
            LOG.infof("event %s: order %s is %s; it earns no points", event.id(), orderId,
                    order == null ? "unknown" : order.status);
            return;
        }
        Instant now = Instant.now();
        ledger.lock(order.userId);
        // the tier first: the order that lifts a customer into a tier already earns at its multiplier
        review.review(order.userId, now);
        List<Tier> tiers = settings.list();
        Tier tier = review.current(order.userId, tiers);
        long points = points(order.total, config.pointsPerRupiah(), tier.multiplierBps());
        if (points <= 0) {
            return;
        }
        LoyaltyLedger.Entry entry = LoyaltyLedger.Entry.of(order.userId, LoyaltyEntryType.EARN, points)
                .withOrder(order.id).at(now);
        if (ledger.append(entry)) {
            events.record(LoyaltyEvents.EARNED, new LoyaltyEvents.Payload(order.userId, points,
                    ledger.balance(order.userId), order.id, null, tier.code(), null));
        }
    }

    void onRefunded(@Observes @EventType(OrderEventPublisher.REFUNDED) EventEnvelope event) {
        UUID orderId = UUID.fromString(event.payload().path("orderId").asText());
        Order order = Order.lock(orderId).orElse(null);
        if (order == null) {
            return;
        }
        ledger.lock(order.userId);
        List<Object> earned = Sql.column(em,
                "SELECT points FROM loyalty_entry WHERE order_id = ?1 AND type = 'EARN'", orderId);
        if (earned.isEmpty()) {
            return; // refunded before it completed: nothing was earned
        }
        long points = -Sql.longValue(earned.get(0));
        LoyaltyLedger.Entry entry = LoyaltyLedger.Entry.of(order.userId, LoyaltyEntryType.REVERSE, points)
                .withOrder(orderId);
        if (ledger.append(entry)) {
            events.record(LoyaltyEvents.REVERSED, new LoyaltyEvents.Payload(order.userId, points,
                    ledger.balance(order.userId), orderId, null, null, null));
        }
    }
}
