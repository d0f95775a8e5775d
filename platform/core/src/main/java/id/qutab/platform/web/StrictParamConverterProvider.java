package id.qutab.platform.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * A malformed id, number or flag in a path or query ({@code /orders/abc}, {@code ?page=abc},
 * {@code ?active=maybe}) is the client's mistake (400): not a missing resource (the JAX-RS default is 404)
 * and not silently {@code false}. Text parameters of every kind (path, query, form, multipart text part,
 * header, cookie) holding a NUL character are a 400 too: PostgreSQL cannot store or compare them.
 */
@Provider
public class StrictParamConverterProvider implements ParamConverterProvider {

    private static final Function<String, UUID> UUIDS = UUID::fromString;
    private static final Function<String, Integer> INTEGERS = Integer::valueOf;
    private static final Function<String, Long> LONGS = Long::valueOf;
    private static final Function<String, Boolean> BOOLEANS = s -> switch (s.toLowerCase()) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not a boolean");
    };

    /** A parameter the client got wrong; answered as a 400 problem naming it. */
    public static class InvalidParameterException extends BadRequestException {

        private final String name;
        private final String reason;

        public InvalidParameterException(String name, String reason) {
            super("invalid parameter");
            this.name = name;
            this.reason = reason;
        }

        public String name() {
            return name;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == String.class) {
            return (ParamConverter<T>) text(name);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUIDS, "must be a UUID");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, INTEGERS, "must be a whole number");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, LONGS, "must be a whole number");
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, BOOLEANS, "must be true or false");
        }
        return null;
    }

    private static ParamConverter<String> text(String name) {
        return new ParamConverter<>() {
            @Override
            public String fromString(String value) {
                if (NulCharacters.contains(value)) {
                    throw new InvalidParameterException(name, "must not contain a NUL character");
                }
                return value;
            }

            @Override
            public String toString(String value) {
                return value;
            }
        };
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String reason) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException(name, reason);
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            String name = a instanceof QueryParam q ? q.value()
                    : a instanceof PathParam p ? p.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof CookieParam c ? c.value()
                    : a instanceof RestQuery q ? q.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestForm f ? f.value()
                    : a instanceof RestHeader h ? h.value()
                    : a instanceof RestCookie c ? c.value()
                    : null;
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return null;
    }
}
