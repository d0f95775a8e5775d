package id.qutab.affiliate.jobs;

import id.qutab.affiliate.clicks.ClickCleanup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code click-cleanup}: {@link ClickCleanup}. */
@ApplicationScoped
public class ClickCleanupJob extends WholeRunJob {

    public static final String NAME = "click-cleanup";

    @Inject
    ClickCleanup cleanup;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> runNow() {
        return Jobs.result(NAME, cleanup.run());
    }
}
