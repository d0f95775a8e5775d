package id.qutab.commerce.orders;

import id.qutab.commerce.catalog.Category;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as its customer sees it (API.md shape, plus per-line discount/paidAmount, the payment deadline, and
 * {@code pointsDiscount}: the part of {@code discount} paid with loyalty points). */
public record OrderView(UUID id, String number, OrderStatus status, List<Item> items, long subtotal, long discount,
                        long pointsDiscount, long total, String couponCode, String referralCode, Recipient recipient, Instant createdAt,
                        Instant paymentDueAt, Instant paidAt, Instant completedAt, Instant closedAt,
                        String closeReason, List<Tracking> tracking) {

    public record Item(UUID productId, String productName, Category category, long unitPrice, int quantity,
                       long lineTotal, long discount, long paidAmount, List<String> onBehalfOf) {
    }

    public record Recipient(String name, String phone, String location, String notes) {
    }

    public record Tracking(OrderStatus status, String note, String photoUrl, Instant at) {
    }

    public static OrderView of(Order o) {
        return new OrderView(o.id, o.number, o.status,
                o.lines.stream().map(l -> new Item(l.productId, l.productName, l.category, l.unitPrice, l.quantity,
                        l.lineTotal, l.discount, l.paidAmount, List.of(l.onBehalfOf))).toList(),
                o.subtotal, o.discount, o.pointsDiscount, o.total, o.couponCode, o.referralCode,
                new Recipient(o.recipientName, o.recipientPhone, o.recipientLocation, o.recipientNotes),
                o.createdAt, o.paymentDueAt, o.paidAt, o.completedAt, o.closedAt, o.closeReason,
                o.tracking.stream().map(t -> new Tracking(t.status, t.note, t.photoUrl, t.at)).toList());
    }
}
