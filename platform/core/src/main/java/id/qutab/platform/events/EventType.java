package id.qutab.platform.events;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the events an observer handles. A handler is a plain CDI observer method:
 *
 * <pre>
 * void onPaid(&#64;Observes &#64;EventType("commerce.order.paid") EventEnvelope event) { ... }
 * </pre>
 *
 * It runs synchronously inside the inbox transaction, so its effect and the inbox record commit together.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface EventType {

    String value();

    final class Literal extends AnnotationLiteral<EventType> implements EventType {
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
