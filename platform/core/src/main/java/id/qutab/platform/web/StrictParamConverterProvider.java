package id.qutab.platform.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * A malformed id, number or flag in a path or query ({@code /orders/abc}, {@code ?page=abc},
 * {@code ?active=maybe}) is the client's mistake (400): not a missing resource (the JAX-RS default is 404)
 * and not silently {@code false}.
 */
@Provider
public class StrictParamConverterProvider implements ParamConverterProvider {

    private static final ParamConverter<UUID> UUIDS = converter(UUID::fromString);
    private static final ParamConverter<Integer> INTEGERS = converter(Integer::valueOf);
    private static final ParamConverter<Long> LONGS = converter(Long::valueOf);
    private static final ParamConverter<Boolean> BOOLEANS = converter(s -> switch (s.toLowerCase()) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not a boolean");
    });

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == UUID.class) {
            return (ParamConverter<T>) UUIDS;
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) INTEGERS;
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) LONGS;
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) BOOLEANS;
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("invalid parameter");
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }
}
