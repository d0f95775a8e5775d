package id.qutab.platform.support;

import id.qutab.platform.jobs.AdminJob;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** The test app's one job: answers what it was given and how often it ran. */
@ApplicationScoped
public class EchoJob implements AdminJob {

    public static final String NAME = "echo";

    private final AtomicInteger runs = new AtomicInteger();

    public record Run(String job, int runs, String day) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Run runNow() {
        return runNow(null);
    }

    @Override
    public Run runNow(String day) {
        return new Run(NAME, runs.incrementAndGet(), day);
    }

    public int runs() {
        return runs.get();
    }
}
