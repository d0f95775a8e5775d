package id.qutab.commerce.payments;

import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderLifecycle;
import id.qutab.commerce.orders.OrderStatus;
import id.qutab.platform.tx.TransactionRetry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Closes orders whose payment window has passed. For each one, in its own transaction and under its row lock
 * ({@code FOR UPDATE SKIP LOCKED}: a second instance, or a callback being applied, makes us skip it this round):
 * <ol>
 *   <li>ask the provider for each open invoice: a PAID one means the callback was lost, so the order is marked
 *   paid, not expired;</li>
 *   <li>otherwise expire the open invoices at the provider (so they can no longer be paid);</li>
 *   <li>then the order is EXPIRED, its stock and coupon usage released, {@code commerce.order.expired} recorded.</li>
 * </ol>
 * When the provider cannot be asked, the order is left for the next run: an order is never expired on a guess.
 * Running it twice changes nothing the second time.
 */
@ApplicationScoped
public class PaymentExpiry {

    public static final String JOB = "payment-expiry";
    private static final Logger LOG = Logger.getLogger(PaymentExpiry.class);

    @Inject
    EntityManager em;

    @Inject
    PaymentConfirmation confirmation;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    TransactionRetry transactionRetry;

    @RegisterForReflection
    public record Run(String job, int processed, int expired, int paid, int skipped) {
    }

    enum Result { EXPIRED, PAID, SKIPPED }

    public Run run(int batchSize) {
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT id FROM customer_order WHERE status = 'PENDING_PAYMENT' AND payment_due_at <= now()
                        ORDER BY payment_due_at LIMIT ?1""")
                .setParameter(1, batchSize).getResultList());
        int expired = 0;
        int paid = 0;
        int skipped = 0;
        for (UUID orderId : due) {
            Result result;
            try {
                // A multi-item release can still lose a deadlock to a checkout of another order: run it again.
                result = transactionRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> settle(orderId)));
            } catch (Exception e) {
                LOG.errorf(e, "payment expiry of order %s failed; retried next run", orderId);
                result = Result.SKIPPED;
            }
            switch (result) {
                case EXPIRED -> expired++;
                case PAID -> paid++;
                case SKIPPED -> skipped++;
            }
        }
        if (!due.isEmpty()) {
            LOG.infof("%s: %d due, %d expired, %d paid (lost callbacks), %d skipped", JOB, due.size(), expired, paid,
                    skipped);
        }
        return new Run(JOB, due.size(), expired, paid, skipped);
    }

    Result settle(UUID orderId) {
        List<?> locked = em.createNativeQuery("""
                        SELECT id FROM customer_order WHERE id = ?1 AND status = 'PENDING_PAYMENT' AND payment_due_at <= now()
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, orderId).getResultList();
        if (locked.isEmpty()) {
            return Result.SKIPPED;
        }
        Order order = em.find(Order.class, orderId);
        try {
            confirmation.settleOpenInvoices(order);
        } catch (PaymentProviderException e) {
            LOG.warnf("order %s: cannot confirm its invoices with the provider (%s); not expired this round",
                    order.number, e.getMessage());
            return Result.SKIPPED;
        }
        if (order.status == OrderStatus.PAID) {
            return Result.PAID;
        }
        lifecycle.expire(order);
        return Result.EXPIRED;
    }
}
