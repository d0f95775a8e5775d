package id.qutab.affiliate.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/admin/reports/affiliates}: API.md's shape plus {@code from}, {@code to} and the counts beside
 * the rupiah amounts. {@code commissionsCreated}, {@code commissionsMatured}, {@code commissionsVoided} and
 * {@code clawbacks} are rupiah; {@code *Count} the number of commissions.
 */
@RegisterForReflection
public record AffiliateReportView(LocalDate from, LocalDate to, Totals totals, List<Period> periods,
                                  List<TopAffiliate> topAffiliates, long pendingApplications,
                                  Instant oldestApplicationAt) {

    @RegisterForReflection
    public record Totals(long clicks, long uniqueClicks, long leads, long conversions, double conversionRate,
                         long commissions, long commissionsCreated, long commissionsMatured, long commissionsVoided,
                         long clawbacks, long commissionsCreatedCount, long commissionsMaturedCount,
                         long commissionsVoidedCount, long clawbacksCount) {
    }

    /** One Jakarta day; {@code commissions} is the commission of that day's conversions, as on the dashboard. */
    @RegisterForReflection
    public record Period(LocalDate date, long clicks, long uniqueClicks, long leads, long conversions,
                        long commissions, long commissionsCreated, long commissionsMatured, long commissionsVoided,
                        long clawbacks, long commissionsCreatedCount, long commissionsMaturedCount,
                        long commissionsVoidedCount, long clawbacksCount) {
    }

    @RegisterForReflection
    public record TopAffiliate(UUID affiliateId, String name, String code, long conversions, long commissions) {
    }
}
