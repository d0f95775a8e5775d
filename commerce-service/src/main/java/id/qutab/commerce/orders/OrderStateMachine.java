package id.qutab.commerce.orders;

import id.qutab.platform.problem.ProblemException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static id.qutab.commerce.orders.OrderStatus.CANCELLED;
import static id.qutab.commerce.orders.OrderStatus.COMPLETED;
import static id.qutab.commerce.orders.OrderStatus.DISTRIBUTED;
import static id.qutab.commerce.orders.OrderStatus.EXPIRED;
import static id.qutab.commerce.orders.OrderStatus.PAID;
import static id.qutab.commerce.orders.OrderStatus.PENDING_PAYMENT;
import static id.qutab.commerce.orders.OrderStatus.PROCESSING;
import static id.qutab.commerce.orders.OrderStatus.REFUNDED;

/**
 * The only place that knows which status may follow which. Anything else is an illegal transition (409).
 * Time rules (the refund window) are checked by the callers that know the clock and the configuration.
 */
public final class OrderStateMachine {

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED, EXPIRED));
        NEXT.put(PAID, EnumSet.of(PROCESSING, REFUNDED));
        NEXT.put(PROCESSING, EnumSet.of(DISTRIBUTED, REFUNDED));
        NEXT.put(DISTRIBUTED, EnumSet.of(COMPLETED, REFUNDED));
        NEXT.put(COMPLETED, EnumSet.of(REFUNDED));
        NEXT.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(REFUNDED, EnumSet.noneOf(OrderStatus.class));
    }

    /** Statuses an admin may set with {@code POST /api/admin/orders/{id}/status}. */
    public static final Set<OrderStatus> ADMIN_PROGRESS = EnumSet.of(PROCESSING, DISTRIBUTED, COMPLETED);

    private OrderStateMachine() {
    }

    public static boolean allowed(OrderStatus from, OrderStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static void require(OrderStatus from, OrderStatus to) {
        if (!allowed(from, to)) {
            throw ProblemException.conflict("illegal-transition",
                    "An order in status " + from + " cannot become " + to + ".");
        }
    }
}
