package id.qutab.console.web;

import io.quarkus.qute.TemplateExtension;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Formatting for templates, as {@code {fmt:rupiah(order.total)}} and {@code {fmt:time(order.createdAt)}}: rupiah
 * with Indonesian grouping, times in Asia/Jakarta (WIB), the business's clock.
 */
@TemplateExtension(namespace = "fmt")
public final class Fmt {

    /** The business's clock: every day, time and range in the console is Asia/Jakarta (WIB). */
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);

    private Fmt() {
    }

    /** {@code Rp 1.250.000}; a negative amount keeps its sign. */
    public static String rupiah(Object amount) {
        if (!(amount instanceof Number n)) {
            return amount == null ? "" : amount.toString();
        }
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.forLanguageTag("id"));
        long value = n.longValue();
        return (value < 0 ? "-Rp " : "Rp ") + format.format(Math.abs(value));
    }

    /** An ISO instant from the API as {@code 30 Nov 2026 10:15 WIB}. */
    static String time(Object iso) {
        if (iso == null || iso.toString().isEmpty()) {
            return "";
        }
        try {
            Instant instant = OffsetDateTime.parse(iso.toString()).toInstant();
            return TIME.format(instant.atZone(JAKARTA)) + " WIB";
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** A date ({@code 2026-11-30}) as {@code 30 Nov 2026}. */
    static String day(Object iso) {
        if (iso == null || iso.toString().isEmpty()) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(iso.toString().substring(0, Math.min(10, iso.toString().length()))));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** Basis points as a percentage: 1000 → {@code 10%}, 250 → {@code 2.5%}. */
    public static String bps(Object bps) {
        if (!(bps instanceof Number n)) {
            return bps == null ? "" : bps.toString();
        }
        long value = n.longValue();
        return value % 100 == 0 ? value / 100 + "%" : String.format(Locale.ROOT, "%.2f%%", value / 100.0)
                .replaceAll("0+%$", "%");
    }

    /** An earning multiplier in basis points of 1×: 10000 → {@code 1×}, 12500 → {@code 1.25×}. */
    public static String multiplier(Object bps) {
        if (!(bps instanceof Number n)) {
            return bps == null ? "" : bps.toString();
        }
        return multiplierValue(n) + "×";
    }

    /** The same without the sign, as typed in a form: 12500 → {@code 1.25}. */
    public static String multiplierValue(Object bps) {
        if (!(bps instanceof Number n)) {
            return bps == null ? "" : bps.toString();
        }
        return new java.math.BigDecimal(n.longValue()).movePointLeft(4).stripTrailingZeros().toPlainString();
    }

    /** Points with Indonesian grouping and a sign for ledger movements: {@code +1.250}, {@code -300}. */
    public static String points(Object points) {
        if (!(points instanceof Number n)) {
            return points == null ? "" : points.toString();
        }
        long value = n.longValue();
        return (value > 0 ? "+" : value < 0 ? "-" : "") + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id"))
                .format(Math.abs(value));
    }

    /** A balance with Indonesian grouping, signed only when negative: {@code 1.250}, {@code -300}. */
    public static String count(Object value) {
        if (!(value instanceof Number n)) {
            return value == null ? "" : value.toString();
        }
        return (n.longValue() < 0 ? "-" : "") + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id"))
                .format(Math.abs(n.longValue()));
    }
}
