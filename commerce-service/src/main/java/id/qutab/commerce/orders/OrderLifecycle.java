package id.qutab.commerce.orders;

import id.qutab.commerce.coupons.CouponRedemption;
import id.qutab.commerce.loyalty.rewards.RewardRedemption;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

import static id.qutab.platform.web.Text.blankToNull;

/**
 * Every status change of an order after its creation: under the order's row lock, checked by
 * {@link OrderStateMachine}, with a tracking entry for the customer and the matching event in the outbox.
 * Closing an unpaid order (cancel, expiry) gives its stock, coupon usage and loyalty points back, in the closing
 * transaction (so exactly once: the state machine closes an order once).
 */
@ApplicationScoped
public class OrderLifecycle {

    @Inject
    OrderEventPublisher events;

    @Inject
    StockReservation stock;

    @Inject
    CouponRedemption coupons;

    @Inject
    RewardRedemption rewards;

    @Inject
    OrderConfig config;

    static TrackingEntry entry(Order o, OrderStatus status, String note, String photoUrl, String actor, Instant at) {
        TrackingEntry t = new TrackingEntry();
        t.id = UUID.randomUUID();
        t.order = o;
        t.status = status;
        t.note = note;
        t.photoUrl = photoUrl;
        t.actor = actor;
        t.at = at;
        return t;
    }

    /** The caller holds the order's lock (it found the payment confirmed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPaid(Order o, Instant paidAt, UUID paymentId, String paymentMethod, String actor) {
        paid(o, paidAt, paymentId, paymentMethod, "Pembayaran diterima.", actor);
    }

    /**
     * An order with nothing to pay (total 0: a coupon covers everything) is paid when it is placed, in the same
     * transaction: no invoice, {@code commerce.order.paid} with no payment id and method {@link #FREE}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPaidAtPlacement(Order o) {
        paid(o, o.createdAt, null, FREE, "Tidak ada yang perlu dibayar: kupon menutup seluruh harga.", "system");
    }

    /** The payment method of an order paid at placement because its total is 0. */
    public static final String FREE = "FREE";

    private void paid(Order o, Instant paidAt, UUID paymentId, String paymentMethod, String note, String actor) {
        OrderStateMachine.require(o.status, OrderStatus.PAID);
        Instant now = Instant.now();
        o.status = OrderStatus.PAID;
        o.paidAt = paidAt == null ? now : paidAt;
        o.updatedAt = now;
        o.tracking.add(entry(o, OrderStatus.PAID, note, null, actor, now));
        events.paid(o, paymentId, paymentMethod);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Order o, String reason, String actor) {
        close(o, OrderStatus.CANCELLED, reason == null || reason.isBlank() ? "Dibatalkan oleh pelanggan." : reason.trim(),
                actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Order o) {
        close(o, OrderStatus.EXPIRED, "Batas waktu pembayaran terlewati.", "system");
    }

    private void close(Order o, OrderStatus status, String reason, String actor) {
        OrderStateMachine.require(o.status, status);
        Instant now = Instant.now();
        o.status = status;
        o.closedAt = now;
        o.closeReason = reason;
        o.updatedAt = now;
        o.tracking.add(entry(o, status, reason, null, actor, now));
        stock.release(o);
        coupons.release(o.id);
        rewards.giveBack(o.id, o.userId);
        events.closed(o, null);
    }

    /** {@code POST /api/admin/orders/{id}/status}: PROCESSING, DISTRIBUTED or COMPLETED, one step at a time. */
    @Transactional
    public OrderView progress(UUID orderId, OrderStatus to, String note, String photoUrl, UUID adminId) {
        Order o = Order.lock(orderId).orElseThrow(() -> ProblemException.notFound("Order"));
        if (!OrderStateMachine.ADMIN_PROGRESS.contains(to)) {
            throw ProblemException.conflict("illegal-transition",
                    "Admins set PROCESSING, DISTRIBUTED or COMPLETED here; " + to + " has its own endpoint or rule.");
        }
        OrderStateMachine.require(o.status, to);
        Instant now = Instant.now();
        o.status = to;
        o.updatedAt = now;
        String text = blankToNull(note);
        o.tracking.add(entry(o, to, text, blankToNull(photoUrl), "admin:" + adminId, now));
        if (to == OrderStatus.COMPLETED) {
            o.completedAt = now;
            events.completed(o);
        } else {
            events.progressed(o, text, blankToNull(photoUrl), now);
        }
        return OrderView.of(o);
    }

    /** A note (and photo) on the order's history without a status change, e.g. more distribution photos. */
    @Transactional
    public OrderView note(UUID orderId, String note, String photoUrl, UUID adminId) {
        Order o = Order.lock(orderId).orElseThrow(() -> ProblemException.notFound("Order"));
        Instant now = Instant.now();
        o.updatedAt = now;
        o.tracking.add(entry(o, o.status, blankToNull(note), blankToNull(photoUrl), "admin:" + adminId, now));
        return OrderView.of(o);
    }

    /**
     * From PAID, PROCESSING, DISTRIBUTED, or COMPLETED within the refund window. Records the refund; the money
     * is transferred by hand. Stock and coupon usage are not given back: the animal was bought for this order.
     */
    @Transactional
    public OrderView refund(UUID orderId, String reason, UUID adminId) {
        Order o = Order.lock(orderId).orElseThrow(() -> ProblemException.notFound("Order"));
        OrderStateMachine.require(o.status, OrderStatus.REFUNDED);
        Instant now = Instant.now();
        if (o.status == OrderStatus.COMPLETED && o.completedAt.plus(config.refundWindow()).isBefore(now)) {
            throw ProblemException.rule("refund-window-passed",
                    "This order was completed more than " + config.refundWindow().toDays() + " days ago.");
        }
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = o.id;
        refund.amount = o.total;
        refund.reason = reason.trim();
        refund.settlement = "MANUAL";
        refund.refundedBy = adminId;
        refund.createdAt = now;
        refund.persist();
        o.status = OrderStatus.REFUNDED;
        o.closedAt = now;
        o.closeReason = refund.reason;
        o.updatedAt = now;
        o.tracking.add(entry(o, OrderStatus.REFUNDED, "Dana dikembalikan: " + refund.reason, null, "admin:" + adminId, now));
        events.closed(o, refund.amount);
        return OrderView.of(o);
    }
}
