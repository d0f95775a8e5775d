package id.qutab.platform.tx;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

/**
 * {@code @Transactional} (REQUIRED, the default) is a transaction boundary only when no transaction is active at
 * entry: then the whole transaction, commit included, is retried on SQLSTATE 40001/40P01. A method that joins its
 * caller's transaction is never retried alone (inside a transaction the database already aborted); the caller's
 * boundary retries it. {@code value} is a binding member of {@code @Transactional}, hence one interceptor per type
 * that can start a transaction (see {@link RetryRequiresNewTransaction}); MANDATORY, SUPPORTS, NOT_SUPPORTED and
 * NEVER never start one.
 */
@Interceptor
@Transactional(Transactional.TxType.REQUIRED)
@Priority(TransactionRetry.INTERCEPTOR_PRIORITY)
public class RetryRequiredTransaction {

    @Inject
    TransactionManager transactions;

    @Inject
    TransactionRetry retry;

    @AroundInvoke
    Object around(InvocationContext ic) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return ic.proceed();
        }
        return retry.intercept(ic);
    }
}
