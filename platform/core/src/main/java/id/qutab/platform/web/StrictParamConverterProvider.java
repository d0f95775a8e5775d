package id.qutab.platform.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * A malformed id or number in a path or query ({@code ?page=abc}) is the client's mistake (400), not a
 * missing resource (the JAX-RS default is 404).
 */
@Provider
public class StrictParamConverterProvider implements ParamConverterProvider {

    private static final ParamConverter<UUID> UUIDS = new ParamConverter<>() {
        @Override
        public UUID fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("not a valid id");
            }
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    };

    private static final ParamConverter<Integer> INTEGERS = new ParamConverter<>() {
        @Override
        public Integer fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("not a whole number");
            }
        }

        @Override
        public String toString(Integer value) {
            return value.toString();
        }
    };

    private static final ParamConverter<Long> LONGS = new ParamConverter<>() {
        @Override
        public Long fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("not a whole number");
            }
        }

        @Override
        public String toString(Long value) {
            return value.toString();
        }
    };

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
        return null;
    }
}
