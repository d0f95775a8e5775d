package id.qutab.platform.tx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a whole transaction again when PostgreSQL aborted it as a serialization failure or deadlock victim
 * (SQLSTATE 40001, 40P01): the abort rolled everything back, so a new attempt starts clean. Applied to every
 * {@code @Transactional} boundary by {@link RetryRequiredTransaction} and {@link RetryRequiresNewTransaction}
 * (a priority that runs them outside Narayana's interceptor, 200, so around the commit where Hibernate flushes);
 * programmatic transactions use
 * {@link #call(Callable)} around the <em>whole</em> transaction, e.g.
 * {@code retry.call(() -> QuarkusTransaction.requiringNew().call(() -> ...))}.
 */
@ApplicationScoped
public class TransactionRetry {

    static final int INTERCEPTOR_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private static final Logger LOG = Logger.getLogger(TransactionRetry.class);

    @Inject
    TransactionRetryConfig config;

    @Inject
    MeterRegistry registry;

    /**
     * {@code work} must be a complete transaction (it begins and ends it), never a part of one: retrying a part
     * would re-run it inside a transaction the database has already aborted.
     */
    public <T> T call(Callable<T> work) throws Exception {
        return call(work, "programmatic");
    }

    <T> T call(Callable<T> work, String what) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (TransactionContention spent) {
                throw spent; // an inner boundary already used up its attempts
            } catch (Exception failure) {
                String sqlState = SqlStates.of(failure);
                if (!SqlStates.isRetryable(sqlState)) {
                    throw failure;
                }
                if (attempt >= Math.max(1, config.maxAttempts())) {
                    Counter.builder("qutab.tx.retries.exhausted").tag("sqlstate", sqlState)
                            .description("Transactions still aborted by a serialization failure or deadlock after the last attempt")
                            .register(registry).increment();
                    LOG.warnf("%s: SQLSTATE %s on all %d attempts, giving up", what, sqlState, attempt);
                    throw new TransactionContention(sqlState, attempt, failure);
                }
                Counter.builder("qutab.tx.retries").tag("sqlstate", sqlState)
                        .description("Transactions run again after a serialization failure or deadlock")
                        .register(registry).increment();
                LOG.debugf("%s: SQLSTATE %s on attempt %d, running it again", what, sqlState, attempt);
                pause(attempt, failure);
            }
        }
    }

    Object intercept(InvocationContext ic) throws Exception {
        Method method = ic.getMethod();
        if (method.isAnnotationPresent(NoTransactionRetry.class)
                || method.getDeclaringClass().isAnnotationPresent(NoTransactionRetry.class)) {
            return ic.proceed();
        }
        return call(ic::proceed, method.getDeclaringClass().getSimpleName() + "." + method.getName());
    }

    /** Without an {@code Exception}-throwing signature, for callers that only run unchecked work. */
    public <T> T get(Supplier<T> work) {
        try {
            return call(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // unreachable: a Supplier throws nothing checked
        }
    }

    private void pause(int attempt, Exception failure) throws Exception {
        Duration base = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        long millis = (long) (base.toMillis() * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
