package id.qutab.affiliate.attribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import id.qutab.affiliate.support.Payloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of commerce-service's {@code commerce.order.*} payloads: one record per payload record of
 * the producer ({@code commerce.orders.OrderEvents} there), each field named as the producer names it and nothing
 * else. The contract is pinned by {@code contracts/events/commerce.order.*.json}, which commerce's producer and this
 * consumer are both tested against ({@code OrderEventContractTest} on both sides).
 *
 * <p>Reads are tolerant of shape (EVENTS.md: consumers ignore what they do not know): a missing, null or malformed
 * field reads as {@code null}, and the handler decides what that means. There are no alternative field names: a
 * field the producer renames reads as missing and the contract tests fail.
 */
public final class OrderEventPayloads {

    private OrderEventPayloads() {
    }

    /** {@code attribution}: how commerce attributed the order (on every {@code commerce.order.*} event). */
    public record OrderAttribution(String referralCode, String clickId, UUID referralAffiliateId, String couponCode,
                                   UUID couponAffiliateId) {

        /** Null when the payload carries no {@code attribution} object. */
        static OrderAttribution of(JsonNode payload) {
            JsonNode a = payload == null ? null : payload.get("attribution");
            if (a == null || !a.isObject()) {
                return null;
            }
            return new OrderAttribution(Payloads.text(a, "referralCode"), Payloads.text(a, "clickId"),
                    Payloads.uuid(a, "referralAffiliateId"), Payloads.text(a, "couponCode"),
                    Payloads.uuid(a, "couponAffiliateId"));
        }
    }

    /**
     * One line of {@code commerce.order.paid}; also the shape kept in {@code tracked_order.paid_lines} (rows stored
     * before it kept the producer's whole line, hence unknown fields are ignored when read back).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection // written and read back by TrackedOrders' ObjectMapper (a TypeReference): Quarkus cannot see it
    public record Line(UUID productId, String category, Long quantity, Long lineTotal, Long paidAmount) {

        static Line of(JsonNode line) {
            return new Line(Payloads.uuid(line, "productId"), Payloads.text(line, "category"),
                    Payloads.number(line, "quantity"), Payloads.number(line, "lineTotal"),
                    Payloads.number(line, "paidAmount"));
        }
    }

    /** {@code commerce.order.created}. */
    public record Created(UUID orderId, String number, UUID userId, Long total, Instant createdAt,
                          OrderAttribution attribution) {

        static Created of(JsonNode p) {
            return new Created(Payloads.uuid(p, "orderId"), Payloads.text(p, "number"), Payloads.uuid(p, "userId"),
                    Payloads.number(p, "total"), Payloads.instant(p, "createdAt"), OrderAttribution.of(p));
        }
    }

    /** {@code commerce.order.paid}. */
    public record Paid(UUID orderId, String number, UUID userId, List<Line> lines, Long subtotal, Long discount,
                       Long total, Instant paidAt, OrderAttribution attribution) {

        static Paid of(JsonNode p) {
            List<Line> lines = new ArrayList<>();
            JsonNode array = p.get("lines");
            if (array != null && array.isArray()) {
                array.forEach(line -> lines.add(Line.of(line)));
            }
            return new Paid(Payloads.uuid(p, "orderId"), Payloads.text(p, "number"), Payloads.uuid(p, "userId"),
                    List.copyOf(lines), Payloads.number(p, "subtotal"), Payloads.number(p, "discount"),
                    Payloads.number(p, "total"), Payloads.instant(p, "paidAt"), OrderAttribution.of(p));
        }
    }

    /** {@code commerce.order.completed}. */
    public record Completed(UUID orderId, String number, UUID userId, Instant completedAt,
                            OrderAttribution attribution) {

        static Completed of(JsonNode p) {
            return new Completed(Payloads.uuid(p, "orderId"), Payloads.text(p, "number"), Payloads.uuid(p, "userId"),
                    Payloads.instant(p, "completedAt"), OrderAttribution.of(p));
        }
    }

    /** {@code commerce.order.cancelled}, {@code .expired} and {@code .refunded}: one record, as at the producer. */
    public record Closed(UUID orderId, String number, UUID userId, String reason, Instant at,
                         OrderAttribution attribution) {

        static Closed of(JsonNode p) {
            return new Closed(Payloads.uuid(p, "orderId"), Payloads.text(p, "number"), Payloads.uuid(p, "userId"),
                    Payloads.text(p, "reason"), Payloads.instant(p, "at"), OrderAttribution.of(p));
        }
    }
}
