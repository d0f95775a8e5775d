package id.qutab.affiliate.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.qutab.affiliate.applications.SocialLinks;
import id.qutab.affiliate.stats.StatsQueries;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response shapes of the affiliate portal (API.md "Affiliates", plus documented extensions). */
public final class PortalViews {

    private PortalViews() {
    }

    @RegisterForReflection
    public record Link(String code, String url, boolean active, Share share) {
    }

    /** Ready-made share links for the referral URL: open them as they are (already encoded). */
    @RegisterForReflection
    public record Share(String whatsapp, String facebook, String x) {
    }

    @RegisterForReflection
    public record Totals(long clicks, long uniqueClicks, long orders, long conversions, double conversionRate,
                         long sales, long commission) {
        public static Totals of(StatsQueries.Day total) {
            return new Totals(total.clicks(), total.uniqueClicks(), total.orders(), total.conversions(),
                    rate(total.conversions(), total.clicks()), total.sales(), total.commission());
        }
    }

    @RegisterForReflection
    public record SeriesDay(LocalDate date, long clicks, long uniqueClicks, long orders, long conversions, long sales,
                            long commission) {
        public static SeriesDay of(StatsQueries.Day d) {
            return new SeriesDay(d.date(), d.clicks(), d.uniqueClicks(), d.orders(), d.conversions(), d.sales(),
                    d.commission());
        }
    }

    @RegisterForReflection
    public record Stats(String period, LocalDate from, LocalDate to, List<SeriesDay> series, Totals totals) {
    }

    @RegisterForReflection
    public record CommissionSummary(long pending, long available, long paid, long clawedBack) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextTier(String name, long minSales90d, long remaining) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TierInfo(String name, int bonusBps, long sales90d, NextTier next) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(String type, Instant at, UUID orderId, String orderNumber, String customerName,
                           String status, Long amount) {
    }

    @RegisterForReflection
    public record Dashboard(String period, LocalDate from, LocalDate to, long clicks, long uniqueClicks, long orders,
                            long conversions, double conversionRate, long sales, CommissionSummary commission,
                            TierInfo tier, Totals today, List<Activity> recent) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Referral(UUID id, UUID orderId, String orderNumber, String customerName, String status,
                           String source, Long orderTotal, Long commission, String commissionStatus,
                           Instant createdAt, Instant confirmedAt, Instant paidAt, Instant cancelledAt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Clawback(long amount, String reason, Instant at) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommissionItem(UUID id, UUID orderId, String orderNumber, long amount, int rateBps, String status,
                                 Instant createdAt, Instant orderPaidAt, Instant availableAt, Instant voidedAt,
                                 String voidedReason, Instant paidAt, Clawback clawback) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(UUID id, UUID userId, String status, String code, String tier, String firstName,
                          String lastName, String email, String whatsapp, String city, String bio,
                          SocialLinks socialLinks, String photoUrl) {
    }

    /** Conversions per 100 clicks, two decimals: the dashboard's and the admin report's one definition. */
    public static double rate(long conversions, long clicks) {
        if (clicks <= 0) {
            return 0;
        }
        return Math.round(conversions * 10000.0 / clicks) / 100.0;
    }
}
