package id.qutab.affiliate.stats;

import id.qutab.affiliate.support.AdvisoryLocks;
import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps {@code daily_stats} current as things happen: click batches add clicks and unique clicks; order and
 * commission changes add orders, conversions, sales and commission (negative when voided or clawed back). Every
 * increment holds the stats lock shared, so a concurrent rebuild of a day ({@link DailyStatsAggregation}) never
 * loses one. Rows are touched in (affiliate, day) order to keep lock order stable between transactions.
 */
@ApplicationScoped
public class StatsIncrements {

    private static final String ADD_CLICKS = """
            INSERT INTO daily_stats AS s (affiliate_id, day, clicks, unique_clicks)
            SELECT * FROM unnest(?::uuid[], ?::date[], ?::bigint[], ?::bigint[])
            ON CONFLICT (affiliate_id, day) DO UPDATE SET
                clicks = s.clicks + excluded.clicks,
                unique_clicks = s.unique_clicks + excluded.unique_clicks,
                updated_at = now()""";

    private static final String ADD = """
            INSERT INTO daily_stats AS s (affiliate_id, day, orders, conversions, sales, commission)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (affiliate_id, day) DO UPDATE SET
                orders = s.orders + excluded.orders,
                conversions = s.conversions + excluded.conversions,
                sales = s.sales + excluded.sales,
                commission = s.commission + excluded.commission,
                updated_at = now()""";

    @Inject
    EntityManager em;

    public record ClickDelta(UUID affiliateId, LocalDate day, long clicks, long uniqueClicks) {
    }

    /** Click counts of one batch, on the batch's connection (already sorted by affiliate and day). */
    public void addClicks(Connection connection, List<ClickDelta> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(AdvisoryLocks.sharedSql())) {
            lock.setInt(1, AdvisoryLocks.STATS);
            lock.execute();
        }
        UUID[] affiliates = new UUID[rows.size()];
        Date[] days = new Date[rows.size()];
        Long[] clicks = new Long[rows.size()];
        Long[] uniques = new Long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ClickDelta row = rows.get(i);
            affiliates[i] = row.affiliateId();
            days[i] = Date.valueOf(row.day());
            clicks[i] = row.clicks();
            uniques[i] = row.uniqueClicks();
        }
        try (PreparedStatement upsert = connection.prepareStatement(ADD_CLICKS)) {
            upsert.setArray(1, connection.createArrayOf("uuid", affiliates));
            upsert.setArray(2, connection.createArrayOf("date", days));
            upsert.setArray(3, connection.createArrayOf("bigint", clicks));
            upsert.setArray(4, connection.createArrayOf("bigint", uniques));
            upsert.executeUpdate();
        }
    }

    /** A new accumulator for the changes of one transaction; {@link Changes#apply()} writes them in a stable order. */
    public Changes changes() {
        return new Changes();
    }

    /** Order and commission deltas collected during one event's handling. */
    public final class Changes {

        private record Key(UUID affiliateId, LocalDate day) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = affiliateId.compareTo(o.affiliateId);
                return c != 0 ? c : day.compareTo(o.day);
            }
        }

        private final Map<Key, long[]> deltas = new TreeMap<>();

        public Changes orders(UUID affiliateId, Instant at, long n) {
            return add(affiliateId, at, n, 0, 0, 0);
        }

        public Changes conversion(UUID affiliateId, Instant paidAt, int sign, long sales, long commission) {
            return add(affiliateId, paidAt, 0, sign, sign * sales, sign * commission);
        }

        private Changes add(UUID affiliateId, Instant at, long orders, long conversions, long sales, long commission) {
            long[] d = deltas.computeIfAbsent(new Key(affiliateId, id.qutab.affiliate.support.Jakarta.day(at)),
                    k -> new long[4]);
            d[0] += orders;
            d[1] += conversions;
            d[2] += sales;
            d[3] += commission;
            return this;
        }

        /** Writes the collected deltas; call inside the transaction that made them. */
        public void apply() {
            if (deltas.isEmpty()) {
                return;
            }
            AdvisoryLocks.shared(em, AdvisoryLocks.STATS);
            deltas.forEach((key, d) -> Sql.update(em, ADD, key.affiliateId(), key.day(), d[0], d[1], d[2], d[3]));
            deltas.clear();
        }
    }
}
