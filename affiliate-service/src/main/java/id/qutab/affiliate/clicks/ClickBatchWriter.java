package id.qutab.affiliate.clicks;

import id.qutab.affiliate.stats.StatsIncrements;
import id.qutab.affiliate.support.AdvisoryLocks;
import id.qutab.affiliate.support.Jakarta;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes one batch of clicks in one transaction:
 * <ol>
 *   <li>takes the click-flush advisory lock, so batches of all instances decide uniqueness one after another;</li>
 *   <li>looks up, with one query for the whole batch, each (affiliate, visitor)'s latest unique click within the
 *       window (24 h) before the batch;</li>
 *   <li>walks the batch in time order: a human click is a unique visit when its visitor has no unique visit for
 *       that affiliate in the preceding window (so a visitor counts once per 24 h, however often they click);</li>
 *   <li>COPYs the rows into {@code click};</li>
 *   <li>adds the batch's clicks and unique clicks to {@code daily_stats} (per affiliate and Jakarta day).</li>
 * </ol>
 * The raw rows and the summary commit together, so a rebuild from raw data finds the same numbers.
 */
@ApplicationScoped
public class ClickBatchWriter {

    private static final String LAST_UNIQUE = """
            SELECT c.affiliate_id, encode(c.visitor_hash, 'hex'), max(c.clicked_at)
            FROM click c
            JOIN unnest(?::uuid[], ?::text[]) AS k(affiliate_id, visitor_hex)
              ON c.affiliate_id = k.affiliate_id AND c.visitor_hash = decode(k.visitor_hex, 'hex')
            WHERE c.unique_visit AND c.clicked_at > ?
            GROUP BY 1, 2""";
    private static final String COPY = "COPY click (id, affiliate_id, code, clicked_at, visitor_hash, bot, unique_visit, target)"
            + " FROM STDIN";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferralConfig config;

    @Inject
    StatsIncrements stats;

    private record VisitorKey(UUID affiliateId, String visitorHex) {
    }

    /** Returns how many of the batch's clicks were unique visits. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int write(List<Click> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Click> clicks = new ArrayList<>(batch);
        clicks.sort(Comparator.comparing(Click::at));
        Duration window = config.uniqueWindow();
        HexFormat hex = HexFormat.of();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(AdvisoryLocks.exclusiveSql())) {
                lock.setInt(1, AdvisoryLocks.CLICK_FLUSH);
                lock.execute();
            }
            Map<VisitorKey, Instant> lastUnique = lastUniqueVisits(connection, clicks, window, hex);
            boolean[] unique = new boolean[clicks.size()];
            Map<UUID, Map<LocalDate, long[]>> deltas = new TreeMap<>();
            int uniques = 0;
            for (int i = 0; i < clicks.size(); i++) {
                Click click = clicks.get(i);
                if (click.bot()) {
                    continue;
                }
                VisitorKey key = new VisitorKey(click.affiliateId(), hex.formatHex(click.visitorHash()));
                Instant last = lastUnique.get(key);
                if (last == null || !click.at().isBefore(last.plus(window))) {
                    unique[i] = true;
                    uniques++;
                    lastUnique.put(key, click.at());
                }
                long[] counts = deltas.computeIfAbsent(click.affiliateId(), a -> new TreeMap<>())
                        .computeIfAbsent(Jakarta.day(click.at()), d -> new long[2]);
                counts[0]++;
                if (unique[i]) {
                    counts[1]++;
                }
            }
            copy(connection, clicks, unique, hex);
            List<StatsIncrements.ClickDelta> rows = new ArrayList<>();
            deltas.forEach((affiliate, byDay) -> byDay.forEach((day, counts) ->
                    rows.add(new StatsIncrements.ClickDelta(affiliate, day, counts[0], counts[1]))));
            stats.addClicks(connection, rows);
            return uniques;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("click batch could not be written", e);
        }
    }

    private Map<VisitorKey, Instant> lastUniqueVisits(Connection connection, List<Click> clicks, Duration window,
                                                      HexFormat hex) throws SQLException {
        Set<VisitorKey> keys = new LinkedHashSet<>();
        for (Click click : clicks) {
            if (!click.bot()) {
                keys.add(new VisitorKey(click.affiliateId(), hex.formatHex(click.visitorHash())));
            }
        }
        Map<VisitorKey, Instant> last = new HashMap<>();
        if (keys.isEmpty()) {
            return last;
        }
        UUID[] affiliates = new UUID[keys.size()];
        String[] visitors = new String[keys.size()];
        int i = 0;
        for (VisitorKey key : keys) {
            affiliates[i] = key.affiliateId();
            visitors[i++] = key.visitorHex();
        }
        Instant since = clicks.get(0).at().minus(window);
        try (PreparedStatement query = connection.prepareStatement(LAST_UNIQUE)) {
            query.setArray(1, connection.createArrayOf("uuid", affiliates));
            query.setArray(2, connection.createArrayOf("text", visitors));
            query.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    last.put(new VisitorKey(rs.getObject(1, UUID.class), rs.getString(2)),
                            rs.getTimestamp(3).toInstant());
                }
            }
        }
        return last;
    }

    private static void copy(Connection connection, List<Click> clicks, boolean[] unique, HexFormat hex)
            throws SQLException, IOException {
        StringBuilder data = new StringBuilder(clicks.size() * 200);
        for (int i = 0; i < clicks.size(); i++) {
            Click c = clicks.get(i);
            data.append(c.id()).append('\t')
                    .append(c.affiliateId()).append('\t');
            escape(data, c.code()).append('\t')
                    .append(c.at()).append('\t')
                    .append("\\\\x").append(hex.formatHex(c.visitorHash())).append('\t')
                    .append(c.bot() ? 't' : 'f').append('\t')
                    .append(unique[i] ? 't' : 'f').append('\t');
            if (c.target() == null) {
                data.append("\\N");
            } else {
                escape(data, c.target());
            }
            data.append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(data.toString()));
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private static StringBuilder escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }
}
