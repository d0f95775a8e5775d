package id.qutab.platform.reports;

import id.qutab.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A range of whole days in Asia/Jakarta, both ends inclusive: what every report and export means by
 * {@code ?from=&to=}. The business runs on Jakarta days, so a sale at 23:30 WIB counts on that day even though it is
 * 16:30 UTC; {@link #start()} and {@link #end()} are the instants the SQL compares with ({@code >= start AND < end}).
 */
public record DayRange(LocalDate from, LocalDate to) {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static LocalDate today() {
        return LocalDate.now(JAKARTA);
    }

    public Instant start() {
        return from.atStartOfDay(JAKARTA).toInstant();
    }

    /** The first instant after the range (exclusive bound). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(JAKARTA).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The range asked for. {@code to} defaults to today, or to {@code defaultDays} days from {@code from} when only
     * that is given; {@code from} defaults to the {@code defaultDays} days up to {@code to}. Anything else than
     * {@code YYYY-MM-DD} from 2000 on, {@code from} after {@code to}, or more than {@code maxDays} days is a 400
     * naming the field.
     */
    public static DayRange parse(String from, String to, LocalDate today, int defaultDays, int maxDays) {
        LocalDate start = blank(from) ? null : date("from", from);
        LocalDate end = blank(to) ? null : date("to", to);
        if (end == null) {
            end = start == null ? today : start.plusDays(defaultDays - 1L);
        }
        if (start == null) {
            start = end.minusDays(defaultDays - 1L);
        }
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw ProblemException.invalid("to", "a range covers at most " + maxDays + " days; ask for it in parts");
        }
        return new DayRange(start, end);
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }

    private static LocalDate date(String field, String value) {
        if (!DATE.matcher(value).matches()) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST)) {
            throw ProblemException.invalid(field, "must not be before " + EARLIEST);
        }
        return date;
    }
}
