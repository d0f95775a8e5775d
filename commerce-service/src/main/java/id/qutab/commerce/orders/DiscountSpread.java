package id.qutab.commerce.orders;

import java.math.BigInteger;

/**
 * Spreads an order discount over its lines in proportion to their totals, in whole rupiah: every line but
 * the last gets {@code floor(discount × lineTotal / subtotal)}, the last gets the remainder, so the shares
 * add up to the discount exactly. (Should the remainder ever exceed the last line's own total, which needs
 * near-total discounts on tiny amounts, the excess goes to the earlier lines: no line is paid below zero.)
 */
public final class DiscountSpread {

    private DiscountSpread() {
    }

    public static long[] spread(long[] lineTotals, long discount) {
        int n = lineTotals.length;
        long subtotal = 0;
        for (long t : lineTotals) {
            subtotal = Math.addExact(subtotal, t);
        }
        if (discount < 0 || discount > subtotal) {
            throw new IllegalArgumentException("discount must be between 0 and the subtotal");
        }
        long[] shares = new long[n];
        if (discount == 0) {
            return shares;
        }
        long given = 0;
        for (int i = 0; i < n - 1; i++) {
            shares[i] = BigInteger.valueOf(discount).multiply(BigInteger.valueOf(lineTotals[i]))
                    .divide(BigInteger.valueOf(subtotal)).longValueExact();
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
}
