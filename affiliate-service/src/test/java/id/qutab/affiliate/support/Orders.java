package id.qutab.affiliate.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Payloads of commerce.order.* events as commerce-service publishes them (EVENTS.md). */
public final class Orders {

    private Orders() {
    }

    public record Line(UUID productId, String category, int quantity, long lineTotal, Long paidAmount) {
        public static Line of(String category, int quantity, long unitPrice) {
            return new Line(UUID.randomUUID(), category, quantity, unitPrice * quantity, null);
        }

        public Line paid(long amount) {
            return new Line(productId, category, quantity, lineTotal, amount);
        }

        String json() {
            return "{\"productId\":\"" + productId + "\",\"category\":\"" + category + "\",\"quantity\":" + quantity
                    + ",\"lineTotal\":" + lineTotal + (paidAmount == null ? "" : ",\"paidAmount\":" + paidAmount)
                    + ",\"productName\":\"Hewan\"}";
        }
    }

    /** How commerce attributed the order. */
    public record Attribution(String referralCode, String clickId, String couponCode, UUID couponAffiliateId) {
        public static Attribution link(String code) {
            return new Attribution(code, UUID.randomUUID().toString(), null, null);
        }

        public static Attribution coupon(String couponCode, UUID affiliateId) {
            return new Attribution(null, null, couponCode, affiliateId);
        }

        public static Attribution none() {
            return new Attribution(null, null, null, null);
        }

        public Attribution withLink(String code) {
            return new Attribution(code, UUID.randomUUID().toString(), couponCode, couponAffiliateId);
        }

        String source() {
            return couponAffiliateId != null ? "COUPON" : referralCode != null ? "LINK" : "NONE";
        }

        String json() {
            return "{\"referralCode\":" + str(referralCode) + ",\"clickId\":" + str(clickId) + ",\"couponCode\":"
                    + str(couponCode) + ",\"couponAffiliateId\":" + str(couponAffiliateId) + ",\"source\":\""
                    + source() + "\"}";
        }

        String topLevel() {
            return "\"referralCode\":" + str(referralCode) + ",\"clickId\":" + str(clickId) + ",\"couponCode\":"
                    + str(couponCode) + ",\"couponAffiliateId\":" + str(couponAffiliateId);
        }
    }

    public static String created(UUID orderId, String number, UUID userId, String customerName, long total,
                                 Attribution a) {
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"" + number + "\",\"userId\":\"" + userId
                + "\",\"customerName\":" + str(customerName) + "," + a.topLevel() + ",\"total\":" + total
                + ",\"attribution\":" + a.json() + ",\"somethingNew\":{\"ignored\":true}}";
    }

    public static String paid(UUID orderId, UUID userId, List<Line> lines, long discount, Instant paidAt,
                              Attribution a) {
        long subtotal = lines.stream().mapToLong(Line::lineTotal).sum();
        List<String> json = new ArrayList<>();
        lines.forEach(l -> json.add(l.json()));
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"lines\":[" + String.join(",", json)
                + "],\"subtotal\":" + subtotal + ",\"discount\":" + discount + ",\"total\":" + (subtotal - discount)
                + ",\"paidAt\":\"" + paidAt + "\",\"attribution\":" + a.json() + "}";
    }

    public static String completed(UUID orderId, Instant at) {
        return "{\"orderId\":\"" + orderId + "\",\"completedAt\":\"" + at + "\"}";
    }

    public static String closed(UUID orderId, String reason, Instant at) {
        return "{\"orderId\":\"" + orderId + "\",\"reason\":" + str(reason) + ",\"at\":\"" + at + "\"}";
    }

    public static String payoutPaid(UUID payoutId, UUID affiliateId, long amount, Instant paidAt, UUID... commissionIds) {
        List<String> ids = new ArrayList<>();
        for (UUID id : commissionIds) {
            ids.add("\"" + id + "\"");
        }
        return "{\"payoutId\":\"" + payoutId + "\",\"affiliateId\":\"" + affiliateId + "\",\"amount\":" + amount
                + ",\"paidAt\":\"" + paidAt + "\",\"commissionIds\":[" + String.join(",", ids) + "]}";
    }

    static String str(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
