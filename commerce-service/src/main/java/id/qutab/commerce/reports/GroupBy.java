package id.qutab.commerce.reports;

import id.qutab.platform.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How the sales report cuts its range: Jakarta days, ISO weeks (Monday first) or calendar months. */
public enum GroupBy {
    day, week, month;

    /** {@code ?groupBy=}: absent is {@code day}; anything else than the three names is a 400. */
    public static GroupBy parse(String value) {
        if (value == null || value.isEmpty()) {
            return day;
        }
        for (GroupBy g : values()) {
            if (g.name().equals(value)) {
                return g;
            }
        }
        throw ProblemException.invalid("groupBy", "must be day, week or month");
    }

    /** The first day of the period that holds {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case day -> date;
            case week -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case month -> date.withDayOfMonth(1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case day -> start.plusDays(1);
            case week -> start.plusWeeks(1);
            case month -> start.plusMonths(1);
        };
    }
}
