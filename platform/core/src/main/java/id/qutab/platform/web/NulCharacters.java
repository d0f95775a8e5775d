package id.qutab.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;

/**
 * PostgreSQL cannot store U+0000 in text (SQLSTATE 22021) nor in jsonb (22P05): a client's NUL is refused where
 * it enters, as a 400 naming the field, before it can reach a query. Other control characters are data: the
 * database stores them, JSON escapes them on the way out, and the renderers (mail, PDF, CSV) escape their own.
 */
public final class NulCharacters {

    public static final char NUL = '\u0000';

    private NulCharacters() {
    }

    public static boolean contains(String value) {
        return value != null && value.indexOf(NUL) >= 0;
    }

    /** A JSON string (or key) holding a NUL; a mapping exception so Jackson records the field path. */
    public static class RefusedException extends InvalidFormatException {

        RefusedException(JsonParser parser) {
            super(parser, "a NUL character is not allowed in text", null, String.class);
        }
    }

    /** Every {@code String} Jackson binds (fields, list items, map values) goes through this. */
    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (contains(value)) {
                throw new RefusedException(parser);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Map keys: {@code {"labels": {"k\u0000": "v"}}}. */
    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (contains(key)) {
                throw new RefusedException(context.getParser());
            }
            return key;
        }
    }
}
