package id.qutab.platform.tx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Transactional} method (or its class) whose body must not run twice, because it has an effect
 * outside the database that is neither idempotent nor deferred to after the commit. Its serialization failures
 * and deadlocks then answer 503 at once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoTransactionRetry {
}
