package id.qutab.commerce.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.attribution.OrderAttribution;
import id.qutab.commerce.attribution.AttributionResolver;
import id.qutab.commerce.coupons.CouponRedemption;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static id.qutab.platform.web.Text.blankToNull;

/**
 * {@code POST /api/orders} in one transaction: claim the idempotency key, reserve stock and snapshot the lines
 * ({@link OrderLines}), redeem the coupon and spread its discount ({@link OrderPricing}), attribute
 * ({@link AttributionResolver}), number, persist, and record {@code commerce.order.created}. Any refusal rolls all
 * of it back (stock, coupon usage, key).
 */
@ApplicationScoped
public class OrderPlacement {

    public static final int MAX_KEY_LENGTH = 200;

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
    ObjectMapper json;

    /** {@code replayed}: the key had been used with this very body, this is the order it created then. */
    public record Placed(OrderView order, boolean replayed) {
    }

    @Transactional
    public Placed place(UUID userId, PlaceOrderRequest request, String idempotencyKey, String referralCookie) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        if (key != null) {
            String hash = hash(request);
            UUID earlier = claim(userId, key, hash);
            if (earlier != null) {
                return new Placed(OrderView.of(Order.findById(earlier)), true);
            }
        }
        Order order = create(userId, request, referralCookie);
        if (key != null) {
            Sql.update(em, "UPDATE order_idempotency SET order_id = ?1 WHERE user_id = ?2 AND key = ?3",
                    order.id, userId, key);
        }
        return new Placed(OrderView.of(order), false);
    }

    /**
     * Inserts the key first thing. A concurrent request with the same key blocks on the primary key until the
     * first transaction ends: committed → we read its order; rolled back (it was refused) → we go ahead.
     * Returns the earlier order's id, or null when this request owns the key.
     */
    private UUID claim(UUID userId, String key, String hash) {
        int claimed = Sql.update(em, """
                INSERT INTO order_idempotency (user_id, key, request_hash) VALUES (?1, ?2, ?3)
                ON CONFLICT (user_id, key) DO NOTHING""", userId, key, hash);
        if (claimed == 1) {
            return null;
        }
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT request_hash, order_id FROM order_idempotency WHERE user_id = ?1 AND key = ?2")
                .setParameter(1, userId).setParameter(2, key).getSingleResult();
        if (!hash.equals(row[0])) {
            throw ProblemException.rule("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request body.");
        }
        if (row[1] == null) {
            throw ProblemException.conflict("idempotency-in-progress", "The first request with this key is still running.");
        }
        return (UUID) row[1];
    }

    /**
     * The order of the steps is the rule here: pricing needs the lines, attribution needs the coupon, and the
     * coupon's redemption row refers to the order, so it is recorded once the order row is flushed.
     */
    private Order create(UUID userId, PlaceOrderRequest request, String referralCookie) {
        Instant now = Instant.now();
        Order order = pending(userId, request.recipient(), now);
        lines.reserve(order, request.items());
        CouponRedemption.Redeemed redeemed = pricing.price(order, request.couponCode(), userId);
        attribute(order, request.referralCode(), referralCookie);
        order.number = numbers.next(now);
        order.tracking.add(OrderLifecycle.entry(order, OrderStatus.PENDING_PAYMENT,
                "Pesanan dibuat, menunggu pembayaran.", null, "customer", now));
        order.persist();
        em.flush();
        if (redeemed != null) {
            coupons.record(redeemed.coupon(), order.id, userId, order.discount);
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

    /** SHA-256 of the body as parsed (field order fixed by the records): same body, same hash. */
    private String hash(PlaceOrderRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the order request", e);
        }
    }
}
