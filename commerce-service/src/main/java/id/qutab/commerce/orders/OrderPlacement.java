package id.qutab.commerce.orders;

import id.qutab.commerce.attribution.OrderAttribution;
import id.qutab.commerce.attribution.AttributionResolver;
import id.qutab.commerce.coupons.CouponRedemption;
import id.qutab.commerce.loyalty.rewards.RewardRedemption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

import static id.qutab.platform.web.Text.blankToNull;

/**
 * {@code POST /api/orders} in one transaction: claim the idempotency key, reserve stock and snapshot the lines
 * ({@link OrderLines}), redeem the coupon and the points reward and spread their discount ({@link OrderPricing}), attribute
 * ({@link AttributionResolver}), number, persist, and record {@code commerce.order.created}. Any refusal rolls all
 * of it back (stock, coupon usage, key).
 */
@ApplicationScoped
public class OrderPlacement {

    public static final int MAX_KEY_LENGTH = IdempotencyKeys.MAX_KEY_LENGTH;

    @Inject
    EntityManager em;

    @Inject
    OrderLines lines;

    @Inject
    OrderPricing pricing;

    @Inject
    CouponRedemption coupons;

    @Inject
    AttributionResolver attribution;

    @Inject
    OrderNumbers numbers;

    @Inject
    OrderEventPublisher events;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderConfig config;

    @Inject
    IdempotencyKeys keys;

    @Inject
    RewardRedemption rewards;

    /** {@code replayed}: the key had been used with this very body, this is the order it created then. */
    public record Placed(OrderView order, boolean replayed) {
    }

    @Transactional
    public Placed place(UUID userId, PlaceOrderRequest request, String idempotencyKey, String referralCookie) {
        String key = IdempotencyKeys.normalize(idempotencyKey);
        if (key != null) {
            // no endpoint prefix: the hashes of keys stored before redemptions shared the table stay valid
            IdempotencyKeys.Earlier earlier = keys.claim(userId, key, keys.hash("", request));
            if (earlier.orderId() != null) {
                return new Placed(OrderView.of(Order.findById(earlier.orderId())), true);
            }
        }
        Order order = create(userId, request, referralCookie);
        if (key != null) {
            keys.orderCreated(userId, key, order.id);
        }
        return new Placed(OrderView.of(order), false);
    }

    /**
     * The order of the steps is the rule here: pricing needs the lines, attribution needs the coupon, and the
     * coupon's redemption row refers to the order, so it is recorded once the order row is flushed.
     */
    private Order create(UUID userId, PlaceOrderRequest request, String referralCookie) {
        Instant now = Instant.now();
        Order order = pending(userId, request.recipient(), now);
        lines.reserve(order, request.items());
        OrderPricing.Priced priced = pricing.price(order, request.couponCode(),
                request.pointsRedemption() == null ? null : request.pointsRedemption().rewardId(), userId);
        attribute(order, request.referralCode(), referralCookie);
        order.number = numbers.next(now);
        order.tracking.add(OrderLifecycle.entry(order, OrderStatus.PENDING_PAYMENT,
                "Pesanan dibuat, menunggu pembayaran.", null, "customer", now));
        order.persist();
        em.flush();
        if (priced.coupon() != null) {
            coupons.record(priced.coupon().coupon(), order.id, userId, priced.coupon().discount());
        }
        if (priced.points() != null) {
            rewards.recordAtCheckout(priced.points(), order.id);
        }
        events.created(order);
        if (order.total == 0) {
            // Nothing to pay, so nothing could ever move it to PAID: it is paid now (README, "Zero-total orders").
            lifecycle.markPaidAtPlacement(order);
        }
        return order;
    }

    /** A new order waiting for payment, for the recipient, with its payment deadline fixed now. */
    private Order pending(UUID userId, PlaceOrderRequest.Recipient r, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.userId = userId;
        order.status = OrderStatus.PENDING_PAYMENT;
        order.createdAt = now;
        order.updatedAt = now;
        order.paymentDueAt = now.plus(config.paymentWindow());
        order.recipientName = r.name().trim();
        order.recipientPhone = blankToNull(r.phone());
        order.recipientLocation = r.location().trim();
        order.recipientNotes = blankToNull(r.notes());
        return order;
    }

    /** After pricing: the coupon's affiliate, known only then, wins over a referral link ({@link AttributionResolver}). */
    private void attribute(Order order, String referralCode, String referralCookie) {
        OrderAttribution a = attribution.resolve(referralCode, referralCookie, order.couponCode, order.couponAffiliateId);
        order.referralCode = a.referralCode();
        order.clickId = a.clickId();
        order.attributionSource = a.source();
        order.referralAffiliateId = a.referralAffiliateId();
    }
}
