package id.qutab.commerce.reports;

import java.time.LocalDate;

/** A native {@code date} column: the driver answers {@link java.sql.Date} or {@link LocalDate}. */
final class Dates {

    private Dates() {
    }

    static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return null;
    }
}
