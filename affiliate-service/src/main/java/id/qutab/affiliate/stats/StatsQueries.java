package id.qutab.affiliate.stats;

import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of {@code daily_stats} for one affiliate: the only source of the dashboard's and the charts' numbers. */
@ApplicationScoped
public class StatsQueries {

    @Inject
    EntityManager em;

    public record Day(LocalDate date, long clicks, long uniqueClicks, long orders, long conversions, long sales,
                      long commission) {
        static Day zero(LocalDate date) {
            return new Day(date, 0, 0, 0, 0, 0, 0);
        }

        Day plus(Day o) {
            return new Day(date, clicks + o.clicks, uniqueClicks + o.uniqueClicks, orders + o.orders,
                    conversions + o.conversions, sales + o.sales, commission + o.commission);
        }
    }

    /** One entry per day from {@code from} to {@code to} inclusive, zero for days without activity. */
    public List<Day> series(UUID affiliateId, LocalDate from, LocalDate to) {
        Map<LocalDate, Day> stored = new HashMap<>();
        for (Object[] row : Sql.rows(em, """
                SELECT day, clicks, unique_clicks, orders, conversions, sales, commission FROM daily_stats
                WHERE affiliate_id = ?1 AND day BETWEEN ?2 AND ?3""", affiliateId, from, to)) {
            LocalDate day = row[0] instanceof Date d ? d.toLocalDate() : (LocalDate) row[0];
            stored.put(day, new Day(day, Sql.longValue(row[1]), Sql.longValue(row[2]), Sql.longValue(row[3]),
                    Sql.longValue(row[4]), Sql.longValue(row[5]), Sql.longValue(row[6])));
        }
        List<Day> series = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            series.add(stored.getOrDefault(day, Day.zero(day)));
        }
        return series;
    }

    public static Day total(List<Day> series, LocalDate label) {
        Day total = Day.zero(label);
        for (Day day : series) {
            total = total.plus(day);
        }
        return total;
    }
}
