package id.qutab.console.dashboard;

import id.qutab.console.web.Fmt;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's range as it travels in the URL ({@code ?from=&to=&groupBy=}): dates inclusive, Asia/Jakarta days
 * like the reports themselves. No range in the URL means the last 30 days up to today in Jakarta.
 */
public record ReportRange(LocalDate from, LocalDate to, String groupBy) {

    static final ZoneId JAKARTA = Fmt.JAKARTA;
    private static final Set<String> GROUPS = Set.of("day", "week", "month");

    /** Refuses what the reports would refuse anyway, in the admin's words, before any call. */
    static ReportRange of(String from, String to, String groupBy, DashboardTexts texts) {
        LocalDate today = LocalDate.now(JAKARTA);
        LocalDate end = date(to, today, texts);
        LocalDate start = date(from, end.minusDays(29), texts);
        if (start.isAfter(end)) {
            throw new IllegalArgumentException(texts.bad_range());
        }
        String group = groupBy == null || groupBy.isBlank() ? "day" : groupBy;
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException(texts.bad_group(group.length() > 20 ? group.substring(0, 20) : group));
        }
        return new ReportRange(start, end, group);
    }

    private static LocalDate date(String text, LocalDate fallback, DashboardTexts texts) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(texts.bad_date(text.length() > 20 ? text.substring(0, 20) : text));
        }
    }

    Map<String, Object> query() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", from.toString());
        query.put("to", to.toString());
        query.put("groupBy", groupBy);
        return query;
    }

    /** The query string of this range, for links (CSV downloads). */
    String href(String path) {
        return path + "?from=" + from + "&to=" + to + "&groupBy=" + groupBy;
    }

    /** The last {@code days} days up to today in Jakarta, same grouping. */
    static String lastDays(int days, String groupBy) {
        LocalDate today = LocalDate.now(JAKARTA);
        return "/admin/?from=" + today.minusDays(days - 1L) + "&to=" + today + "&groupBy=" + groupBy;
    }
}
