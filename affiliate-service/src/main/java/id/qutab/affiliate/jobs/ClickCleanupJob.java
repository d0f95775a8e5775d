package id.qutab.affiliate.jobs;

import id.qutab.affiliate.clicks.ClickCleanup;
import id.qutab.platform.jobs.AdminJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code click-cleanup}: {@link ClickCleanup}. */
@ApplicationScoped
public class ClickCleanupJob implements AdminJob {

    public static final String NAME = "click-cleanup";

    @Inject
    ClickCleanup cleanup;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> runNow(String day) {
        Jobs.rejectDay(day);
        return Jobs.result(NAME, cleanup.run());
    }
}
