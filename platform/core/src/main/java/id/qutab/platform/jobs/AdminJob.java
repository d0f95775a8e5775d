package id.qutab.platform.jobs;

/**
 * A job of this service that an admin can run now: {@code POST /api/admin/jobs/{name}/run}. A service declares
 * a job by making a bean implement this; the platform's {@link JobResource} finds it by {@link #name()}. The
 * schedule (if any) stays with the job. Names are unique across all services: the gateway routes
 * {@code /api/admin/jobs/<name>/} to the service that owns it.
 */
public interface AdminJob {

    /** The job's name in the path, e.g. {@code payment-expiry}. */
    String name();

    /**
     * Runs the job now and answers the run's record ({@code {job, ...counts}}), the response body. Jobs are
     * idempotent: running one twice in a row changes nothing the second time.
     */
    Object runNow();

    /**
     * What {@code POST /api/admin/jobs/{name}/run?day=} runs. A job that works on one day overrides this; by
     * default the day is ignored.
     *
     * @param day the request's {@code ?day=}, {@code null} when absent
     */
    default Object runNow(String day) {
        return runNow();
    }
}
