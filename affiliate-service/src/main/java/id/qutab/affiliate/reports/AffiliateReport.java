package id.qutab.affiliate.reports;

import id.qutab.affiliate.portal.PortalViews;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.reports.DayRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The affiliate program's report over a range of Jakarta days. Closed days with a valid roll-up are read from
 * {@code report_day}; every other day (today, a day whose data changed since its roll-up, a day never rolled up)
 * is computed live by {@link DayFigures}, the same definitions, from indexed per-day lookups. So the numbers do not
 * depend on whether the stats-aggregation job ran, and they equal the sums of the affiliates' own dashboards.
 */
@ApplicationScoped
public class AffiliateReport {

    /** Longest range: a year and a day, so any "last 12 months" or a leap year fits. */
    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;
    static final int TOP = 10;

    static final String PERIODS = "SELECT " + DayFigures.COLUMNS + " FROM report_day"
            + " WHERE day BETWEEN ?1 AND ?2 AND day < ?3"
            + " UNION ALL "
            + DayFigures.over("""
                    SELECT g::date AS day FROM generate_series(CAST(?1 AS date), CAST(?2 AS date), interval '1 day') g
                    WHERE g::date >= ?3 OR NOT EXISTS (SELECT 1 FROM report_day r WHERE r.day = g::date)""")
            + " ORDER BY 1";

    static final String TOP_AFFILIATES = """
            SELECT t.affiliate_id, a.first_name, a.last_name, a.code, t.conversions, t.commission
            FROM (SELECT affiliate_id, sum(conversions) AS conversions, sum(commission) AS commission
                  FROM daily_stats
                  WHERE day BETWEEN ?1 AND ?2 AND (conversions <> 0 OR commission <> 0)
                  GROUP BY affiliate_id
                  ORDER BY sum(commission) DESC, sum(conversions) DESC, affiliate_id
                  LIMIT %d) t
            JOIN affiliate a ON a.id = t.affiliate_id
            ORDER BY t.commission DESC, t.conversions DESC, t.affiliate_id""".formatted(TOP);

    private static final String APPLICATIONS = """
            SELECT count(*), min(applied_at) FROM affiliate WHERE status = 'PENDING'""";

    @Inject
    EntityManager em;

    @Transactional
    public AffiliateReportView report(DayRange range) {
        List<AffiliateReportView.Period> periods = periods(range);
        long[] t = new long[13];
        for (AffiliateReportView.Period p : periods) {
            long[] v = {p.clicks(), p.uniqueClicks(), p.leads(), p.conversions(), p.commissions(),
                    p.commissionsCreated(), p.commissionsMatured(), p.commissionsVoided(), p.clawbacks(),
                    p.commissionsCreatedCount(), p.commissionsMaturedCount(), p.commissionsVoidedCount(),
                    p.clawbacksCount()};
            for (int i = 0; i < t.length; i++) {
                t[i] += v[i];
            }
        }
        AffiliateReportView.Totals totals = new AffiliateReportView.Totals(t[0], t[1], t[2], t[3],
                PortalViews.rate(t[3], t[0]), t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12]);
        Object[] applications = Sql.rows(em, APPLICATIONS).get(0);
        return new AffiliateReportView(range.from(), range.to(), totals, periods, top(range),
                Sql.longValue(applications[0]), Sql.instant(applications[1]));
    }

    private List<AffiliateReportView.Period> periods(DayRange range) {
        List<AffiliateReportView.Period> periods = new ArrayList<>();
        for (Object[] r : Sql.rows(em, PERIODS, range.from(), range.to(), DayRange.today())) {
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            long[] v = new long[13];
            for (int i = 0; i < v.length; i++) {
                v[i] = Sql.longValue(r[i + 1]);
            }
            // columns: clicks, unique, leads, conversions, commission, created n/amount, matured n/amount,
            // voided n/amount, clawback n/amount
            periods.add(new AffiliateReportView.Period(day, v[0], v[1], v[2], v[3], v[4], v[6], v[8], v[10], v[12],
                    v[5], v[7], v[9], v[11]));
        }
        return periods;
    }

    private List<AffiliateReportView.TopAffiliate> top(DayRange range) {
        List<AffiliateReportView.TopAffiliate> top = new ArrayList<>();
        for (Object[] r : Sql.rows(em, TOP_AFFILIATES, range.from(), range.to())) {
            top.add(new AffiliateReportView.TopAffiliate((UUID) r[0], (r[1] + " " + r[2]).trim(), (String) r[3],
                    Sql.longValue(r[4]), Sql.longValue(r[5])));
        }
        return top;
    }
}
