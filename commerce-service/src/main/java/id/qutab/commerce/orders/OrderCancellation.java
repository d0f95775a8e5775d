package id.qutab.commerce.orders;

import id.qutab.commerce.payments.PaymentConfirmation;
import id.qutab.commerce.payments.PaymentProviderException;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * A customer cancels an unpaid order. An open invoice is first checked with the provider (the customer may
 * have just paid, the callback not yet here): paid → the order becomes PAID and the cancel is refused (409);
 * otherwise the invoice is expired at the provider so it can no longer be paid, then the order is cancelled
 * and its stock and coupon usage released.
 */
@ApplicationScoped
public class OrderCancellation {

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    PaymentConfirmation confirmation;

    @Transactional(dontRollbackOn = ProblemException.class)
    public OrderView cancel(UUID userId, UUID orderId, String reason) {
        Order order = Order.lock(orderId).filter(o -> o.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
        OrderStateMachine.require(order.status, OrderStatus.CANCELLED);
        try {
            confirmation.settleOpenInvoices(order);
        } catch (PaymentProviderException e) {
            throw new ProblemException(Problem.of(502, "payment-provider-unavailable", "Bad gateway",
                    "The payment could not be checked with the provider. Please try again."));
        }
        if (order.status == OrderStatus.PAID) {
            // committed (dontRollbackOn): the payment we just learnt of is kept
            throw ProblemException.conflict("order-already-paid", "This order has just been paid and cannot be cancelled.");
        }
        lifecycle.cancel(order, reason, "customer");
        return OrderView.of(order);
    }
}
