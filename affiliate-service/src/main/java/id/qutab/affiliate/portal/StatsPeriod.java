package id.qutab.affiliate.portal;

import id.qutab.affiliate.support.Jakarta;
import id.qutab.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a stats request covers (Asia/Jakarta, inclusive): {@code period=today|7d|30d|90d} (ending today), or
 * {@code from=YYYY-MM-DD&to=YYYY-MM-DD} (at most 366 days, not after today). Not both.
 */
public record StatsPeriod(String period, LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public static StatsPeriod parse(String period, String from, String to, String fallback) {
        boolean range = from != null || to != null;
        if (period != null && range) {
            throw ProblemException.invalid("period", "give either period or from/to, not both");
        }
        LocalDate today = Jakarta.today();
        if (range) {
            if (from == null || to == null) {
                throw ProblemException.invalid(from == null ? "from" : "to", "from and to go together");
            }
            LocalDate start = date("from", from);
            LocalDate end = date("to", to);
            if (end.isBefore(start)) {
                throw ProblemException.invalid("to", "must not be before from");
            }
            if (end.isAfter(today)) {
                throw ProblemException.invalid("to", "must not be in the future");
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                throw ProblemException.invalid("from", "a range covers at most " + MAX_DAYS + " days");
            }
            return new StatsPeriod("custom", start, end);
        }
        String p = period == null || period.isBlank() ? fallback : period.trim();
        return switch (p) {
            case "today" -> new StatsPeriod(p, today, today);
            case "7d" -> new StatsPeriod(p, today.minusDays(6), today);
            case "30d" -> new StatsPeriod(p, today.minusDays(29), today);
            case "90d" -> new StatsPeriod(p, today.minusDays(89), today);
            default -> throw ProblemException.invalid("period", "must be one of today, 7d, 30d, 90d");
        };
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-11-21");
        }
    }
}
