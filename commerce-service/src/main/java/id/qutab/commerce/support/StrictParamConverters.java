package id.qutab.commerce.support;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * {@code ?page=abc} or {@code ?active=maybe} are the client's mistake (400), not a missing resource (JAX-RS
 * answers 404 for an unconvertible query parameter) and not silently {@code false}.
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(Integer::valueOf);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(Long::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(s -> switch (s.trim().toLowerCase()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean");
            });
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
