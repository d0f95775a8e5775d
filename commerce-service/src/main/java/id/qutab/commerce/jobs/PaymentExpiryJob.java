package id.qutab.commerce.jobs;

import id.qutab.commerce.payments.PaymentExpiry;
import id.qutab.platform.jobs.AdminJob;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Runs {@link PaymentExpiry} every minute ({@code qutab.jobs.payment-expiry.every}) and on demand
 * ({@code POST /api/admin/jobs/payment-expiry/run}); safe on several instances.
 */
@ApplicationScoped
public class PaymentExpiryJob implements AdminJob {

    @Inject
    PaymentExpiry expiry;

    @Inject
    JobsConfig config;

    @Scheduled(identity = PaymentExpiry.JOB, every = "${qutab.jobs.payment-expiry.every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        runNow();
    }

    @Override
    public String name() {
        return PaymentExpiry.JOB;
    }

    @Override
    public PaymentExpiry.Run runNow() {
        return expiry.run(config.paymentExpiry().batchSize());
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        JobsConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.paymentExpiry().enabled();
        }
    }
}
