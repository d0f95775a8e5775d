package id.qutab.affiliate.jobs;

import id.qutab.platform.jobs.AdminJob;
import id.qutab.platform.problem.ProblemException;

/**
 * A job that works on everything due, not on one day: only {@code stats-aggregation} takes a {@code ?day=};
 * given to another job it is a mistake (400), not silently ignored.
 */
public abstract class WholeRunJob implements AdminJob {

    @Override
    public Object runNow(String day) {
        if (day != null) {
            throw ProblemException.invalid("day", "only stats-aggregation takes a day");
        }
        return runNow();
    }
}
