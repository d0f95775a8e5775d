package id.qutab.commerce.orders;

import id.qutab.commerce.catalog.Category;
import id.qutab.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain unit tests of the order rules (no Quarkus). */
class RulesTest {

    @Test
    void discountSpreadIsProRataWithTheRemainderOnTheLastLine() {
        assertArrayEquals(new long[]{33_333, 33_333, 33_334}, DiscountSpread.spread(new long[]{1_000_000, 1_000_000, 1_000_000}, 100_000));
        assertArrayEquals(new long[]{39_095, 60_906}, DiscountSpread.spread(new long[]{4_750_000, 7_400_000}, 100_001));
        assertArrayEquals(new long[]{0, 0}, DiscountSpread.spread(new long[]{5, 7}, 0));
        assertArrayEquals(new long[]{5}, DiscountSpread.spread(new long[]{5}, 5));
        // degenerate: the remainder would exceed the last line; no line goes below zero, the sum still holds
        long[] shares = DiscountSpread.spread(new long[]{3, 3, 1}, 6);
        assertEquals(6, Arrays.stream(shares).sum());
        assertTrue(shares[2] <= 1, Arrays.toString(shares));
        assertThrows(IllegalArgumentException.class, () -> DiscountSpread.spread(new long[]{5}, 6));
        long[] big = DiscountSpread.spread(new long[]{1_000_000_000_000L, 3}, 999_999_999_999L);
        assertEquals(999_999_999_999L, big[0] + big[1]);
    }

    @Test
    void theStateMachineAllowsExactlyTheDocumentedTransitions() {
        Set<String> allowed = Set.of("PENDING_PAYMENT>PAID", "PENDING_PAYMENT>CANCELLED", "PENDING_PAYMENT>EXPIRED",
                "PAID>PROCESSING", "PAID>REFUNDED", "PROCESSING>DISTRIBUTED", "PROCESSING>REFUNDED",
                "DISTRIBUTED>COMPLETED", "DISTRIBUTED>REFUNDED", "COMPLETED>REFUNDED");
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = allowed.contains(from + ">" + to);
                assertEquals(expected, OrderStateMachine.allowed(from, to), from + " -> " + to);
                if (!expected) {
                    ProblemException e = assertThrows(ProblemException.class, () -> OrderStateMachine.require(from, to));
                    assertEquals(409, e.problem().status());
                }
            }
        }
        assertEquals(EnumSet.of(OrderStatus.PROCESSING, OrderStatus.DISTRIBUTED, OrderStatus.COMPLETED),
                OrderStateMachine.ADMIN_PROGRESS);
    }

    @Test
    void onBehalfOfCountsDependOnTheCategory() {
        assertArrayEquals(new String[]{"Budi", "Budi"}, OnBehalfOf.names(Category.kambing, 2, null, "Budi", 0));
        assertEquals(7, OnBehalfOf.names(Category.sapi, 1, List.of("a", "b", "c", "d", "e", "f", "g"), "x", 0).length);
        assertThrows(ProblemException.class, () -> OnBehalfOf.names(Category.sapi, 1, List.of("1", "2", "3", "4", "5", "6", "7", "8"), "x", 0));
        assertThrows(ProblemException.class, () -> OnBehalfOf.names(Category.domba, 1, List.of("a", "b"), "x", 0));
        assertThrows(ProblemException.class, () -> OnBehalfOf.names(Category.sapi, 2, List.of("a"), "x", 0));
    }

    @Test
    void orderNumberSuffixesAvoidLookAlikes() {
        for (int i = 0; i < 200; i++) {
            String s = OrderNumbers.suffix();
            assertTrue(s.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}"), s);
        }
    }
}
