package id.qutab.commerce.orders;

import id.qutab.commerce.attribution.OrderAttribution;
import id.qutab.commerce.payments.PaymentView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What admins see of an order: the customer's view plus who, attribution, payments (with flags) and the refund. */
public record AdminOrderView(UUID userId, OrderView order, OrderAttribution attribution, List<PaymentView> payments,
                             RefundView refund) {

    public record RefundView(UUID id, long amount, String reason, String settlement, UUID refundedBy, Instant at) {
    }

    public static AdminOrderView of(Order o, List<PaymentView> payments, Refund refund) {
        return new AdminOrderView(o.userId, OrderView.of(o), o.attribution(), payments,
                refund == null ? null : new RefundView(refund.id, refund.amount, refund.reason, refund.settlement,
                        refund.refundedBy, refund.createdAt));
    }
}
