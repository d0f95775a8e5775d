package id.qutab.commerce.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/admin/reports/sales}: API.md's shape, plus (extensions) {@code totals.refundedAmount} and the
 * per-period cancelled/expired/refunded/gross/discounts/refundedAmount. Money in whole rupiah.
 */
@RegisterForReflection
public record SalesReport(LocalDate from, LocalDate to, String groupBy, Totals totals, List<Period> periods,
                          List<TopProduct> topProducts) {

    @RegisterForReflection
    public record Totals(long ordersPlaced, long ordersPaid, long cancelled, long expired, long refunded,
                         long gross, long discounts, long refundedAmount, long netPaid) {
    }

    /** {@code start}: the first day of the calendar period (a Monday, the 1st); only days inside the range count. */
    @RegisterForReflection
    public record Period(LocalDate start, long ordersPlaced, long ordersPaid, long netPaid, ByCategory byCategory,
                         long cancelled, long expired, long refunded, long gross, long discounts,
                         long refundedAmount) {
    }

    /** {@code netPaid} split by the category of the lines; adds up to it exactly. */
    @RegisterForReflection
    public record ByCategory(long sapi, long kambing, long domba) {
    }

    @RegisterForReflection
    public record TopProduct(UUID productId, String name, String category, long quantity, long netPaid) {
    }
}
