package id.qutab.platform.jobs;

import id.qutab.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The jobs this service declared ({@link AdminJob} beans), by name. */
@ApplicationScoped
public class AdminJobs {

    @Inject
    @Any
    Instance<AdminJob> declared;

    private final Map<String, AdminJob> byName = new TreeMap<>();

    @PostConstruct
    void index() {
        for (AdminJob job : declared) {
            AdminJob other = byName.putIfAbsent(job.name(), job);
            if (other != null) {
                throw new IllegalStateException("Two jobs are named " + job.name());
            }
        }
    }

    public Optional<AdminJob> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Runs a job by name; an unknown name is a 404 problem. */
    public Object run(String name, String day) {
        return named(name).orElseThrow(() -> ProblemException.notFound("Job " + name)).runNow(day);
    }
}
