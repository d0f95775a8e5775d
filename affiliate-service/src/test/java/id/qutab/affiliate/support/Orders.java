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

    /**
     * commerce.order.created. The buyer's name is not in it (commerce sends none): it reaches this service from
     * identity, so a {@code customerName} given here is delivered first as the buyer's {@code identity.user.registered}.
     */
    public static String created(UUID orderId, String number, UUID userId, String customerName, long total,
                                 Attribution a) {
        if (customerName != null) {
            Events.userRegistered(userId, customerName, "buyer." + userId + "@example.id");
        }
        return "{\"orderId\":\"" + orderId + "\",\"number\":\"" + number + "\",\"userId\":\"" + userId
                + "\"," + a.topLevel() + ",\"total\":" + total
                + ",\"attribution\":" + a.json() + ",\"somethingNew\":{\"ignored\":true}}";
    }

    /**
     * As commerce publishes it: every line carries its {@code paidAmount}; lines given without one get commerce's
     * own spread of the discount (a copy of its {@code DiscountSpread}, the producer's rule).
     */
    public static String paid(UUID orderId, UUID userId, List<Line> lines, long discount, Instant paidAt,
                              Attribution a) {
        long subtotal = lines.stream().mapToLong(Line::lineTotal).sum();
        long[] shares = commerceSpread(lines.stream().mapToLong(Line::lineTotal).toArray(), discount);
        List<String> json = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            json.add((l.paidAmount() != null ? l : l.paid(l.lineTotal() - shares[i])).json());
        }
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

    /** commerce-service's DiscountSpread.spread: proportional floors, remainder last, its excess moved forward. */
    static long[] commerceSpread(long[] lineTotals, long discount) {
        int n = lineTotals.length;
        long subtotal = java.util.Arrays.stream(lineTotals).sum();
        long[] shares = new long[n];
        if (discount <= 0 || n == 0) {
            return shares;
        }
        long given = 0;
        for (int i = 0; i < n - 1; i++) {
            shares[i] = java.math.BigInteger.valueOf(discount).multiply(java.math.BigInteger.valueOf(lineTotals[i]))
                    .divide(java.math.BigInteger.valueOf(subtotal)).longValueExact();
            given += shares[i];
        }
        shares[n - 1] = discount - given;
        long excess = shares[n - 1] - lineTotals[n - 1];
        for (int i = 0; excess > 0 && i < n - 1; i++) {
            long room = Math.min(excess, lineTotals[i] - shares[i]);
            shares[i] += room;
            shares[n - 1] -= room;
            excess -= room;
        }
        return shares;
    }

    static String str(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
