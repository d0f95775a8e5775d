package id.qutab.platform.tx;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

/** {@code @Transactional(REQUIRES_NEW)} always starts its own transaction: always a retry boundary. */
@Interceptor
@Transactional(Transactional.TxType.REQUIRES_NEW)
@Priority(TransactionRetry.INTERCEPTOR_PRIORITY)
public class RetryRequiresNewTransaction {

    @Inject
    TransactionRetry retry;

    @AroundInvoke
    Object around(InvocationContext ic) throws Exception {
        return retry.intercept(ic);
    }
}
