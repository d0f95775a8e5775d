package id.qutab.commerce.reminders;

import id.qutab.platform.jobs.AdminJob;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.reports.DayRange;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code reminders}: every day at {@code qutab.reminders.cron} (09:00 Asia/Jakarta) and on demand
 * ({@code POST /api/admin/jobs/reminders/run}), the {@link Reminders} of the Jakarta day. {@code ?day=YYYY-MM-DD}
 * runs a missed day again (today or up to 31 days back, never ahead: a future day would send early and then
 * count as the year's reminder). Safe twice and on several instances: the reminder log decides.
 */
@ApplicationScoped
public class ReminderJob implements AdminJob {

    static final int MAX_DAYS_BACK = 31;

    @Inject
    Reminders reminders;

    @Scheduled(identity = Reminders.JOB, cron = "${qutab.reminders.cron:0 0 9 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        runNow();
    }

    @Override
    public String name() {
        return Reminders.JOB;
    }

    @Override
    public Reminders.Run runNow() {
        return reminders.run(DayRange.today());
    }

    @Override
    public Reminders.Run runNow(String day) {
        if (day == null || day.isEmpty()) {
            return runNow();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "must be a date YYYY-MM-DD");
        }
        LocalDate today = DayRange.today();
        if (date.isAfter(today) || date.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw ProblemException.invalid("day", "must be today or one of the " + MAX_DAYS_BACK + " days before");
        }
        return reminders.run(date);
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        RemindersConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
