package id.qutab.affiliate.commissions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commission of a paid order: Σ over lines of floor(base × (rule rate + tier bonus) / 10000), where the base
 * of a line is what the customer paid for it: the line's {@code paidAmount} as commerce decided it (its
 * {@code DiscountSpread}, the one spread of an order discount). There is deliberately no second spread here: a
 * line without {@code paidAmount} is its {@code lineTotal}, which is right only for an order without discount —
 * {@code OrderEventConsumer} refuses a discounted order whose lines lack it. A category with a flat rule earns
 * {@code flat × quantity} plus floor(base × tier bonus / 10000). A category with no active rule earns nothing.
 * Each line is floored on its own.
 */
public final class CommissionCalculator {

    private CommissionCalculator() {
    }

    /** A line as {@code commerce.order.paid} describes it; {@code paidAmount} missing only without discount. */
    public record Line(UUID productId, String category, int quantity, long lineTotal, Long paidAmount) {
    }

    /** The rate of a category: exactly one of the two is set. */
    public record Rate(Integer rateBps, Long flatAmountPerUnit) {
    }

    public record LineCommission(int lineNo, Line line, long base, Integer ruleRateBps, Long flatAmountPerUnit,
                                 int tierBonusBps, long amount) {
    }

    public record Result(long amount, int rateBps, long base, List<LineCommission> lines) {
    }

    public static Result calculate(List<Line> lines, Map<String, Rate> rates, int tierBonusBps) {
        List<LineCommission> out = new ArrayList<>();
        long amount = 0;
        long baseTotal = 0;
        Integer uniformBps = null;
        boolean uniform = true;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            long base = Math.max(0, line.paidAmount() != null ? line.paidAmount() : line.lineTotal());
            Rate rate = line.category() == null ? null : rates.get(line.category());
            long lineAmount;
            if (rate == null) {
                lineAmount = 0;
                uniform = false;
            } else if (rate.rateBps() != null) {
                int bps = rate.rateBps() + tierBonusBps;
                lineAmount = floorBps(base, bps);
                if (uniformBps == null) {
                    uniformBps = bps;
                } else if (uniformBps != bps) {
                    uniform = false;
                }
            } else {
                lineAmount = rate.flatAmountPerUnit() * Math.max(0, line.quantity()) + floorBps(base, tierBonusBps);
                uniform = false;
            }
            amount += lineAmount;
            baseTotal += base;
            out.add(new LineCommission(i + 1, line, base, rate == null ? null : rate.rateBps(),
                    rate == null ? null : rate.flatAmountPerUnit(), tierBonusBps, lineAmount));
        }
        int rateBps;
        if (uniform && uniformBps != null) {
            rateBps = uniformBps;
        } else {
            // mixed rules: the blended rate actually earned (informational; amounts are per line)
            rateBps = baseTotal == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, amount * 10_000 / baseTotal);
        }
        return new Result(amount, rateBps, baseTotal, out);
    }

    /** floor(base × bps / 10000), exact for any rupiah amount. */
    static long floorBps(long base, int bps) {
        if (base <= 0 || bps <= 0) {
            return 0;
        }
        return BigInteger.valueOf(base).multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(10_000)).longValueExact();
    }
}
