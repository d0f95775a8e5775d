package id.qutab.affiliate.commissions;

import id.qutab.affiliate.commissions.CommissionCalculator.Line;
import id.qutab.affiliate.commissions.CommissionCalculator.Rate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommissionCalculatorTest {

    private static final Map<String, Rate> RATES = Map.of("sapi", new Rate(300, null), "kambing", new Rate(500, null),
            "domba", new Rate(500, null), "paket", new Rate(null, 25_000L));

    private static Line line(String category, int qty, long total) {
        return new Line(null, category, qty, total, null);
    }

    @Test
    void theBaseIsThePaidAmountAndWithoutOneTheLineTotal() {
        var result = CommissionCalculator.calculate(List.of(new Line(null, "sapi", 1, 100, 0L),
                new Line(null, "sapi", 1, 100, 1L), line("domba", 1, 100)), RATES, 0);
        assertEquals(List.of(0L, 1L, 100L), result.lines().stream().map(CommissionCalculator.LineCommission::base).toList());
    }

    @Test
    void eachLineIsFlooredOnItsOwn() {
        // 3% of 33,333 = 999.99 → 999 ; 5% of 19,999 = 999.95 → 999
        var result = CommissionCalculator.calculate(List.of(line("sapi", 1, 33_333), line("kambing", 1, 19_999)), RATES, 0);
        assertEquals(1998, result.amount());
        assertEquals(List.of(999L, 999L), result.lines().stream().map(CommissionCalculator.LineCommission::amount).toList());
    }

    @Test
    void paidAmountsWinOverTheSpreadAndTheBonusAddsToEveryRate() {
        var result = CommissionCalculator.calculate(List.of(new Line(null, "sapi", 1, 10_000_000, 9_000_000L)),
                RATES, 100);
        assertEquals(360_000, result.amount());
        assertEquals(400, result.rateBps());
    }

    @Test
    void flatRulesPayPerUnitPlusTheBonusAndUnknownCategoriesNothing() {
        var result = CommissionCalculator.calculate(List.of(line("paket", 3, 1_000_000), line("unta", 1, 50_000_000)),
                RATES, 50);
        assertEquals(75_000 + 5_000, result.amount());
        assertEquals(0, result.lines().get(1).amount());
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        // 1e18 × 300 does not fit in a long; the result does
        var result = CommissionCalculator.calculate(List.of(new Line(null, "sapi", 1, 4_000_000_000_000_000_000L,
                1_000_000_000_000_000_000L)), RATES, 0);
        assertEquals(30_000_000_000_000_000L, result.amount());
    }
}
