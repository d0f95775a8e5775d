package id.qutab.platform.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How every service reads JSON (request bodies, event payloads, provider answers):
 * <ul>
 *   <li>numbers are JSON integers: {@code "quantity": 1.5}, {@code "amount": "150000"} or {@code "amount": true}
 *       is a wrong type (400), not a silently truncated or converted number. Money depends on it;</li>
 *   <li>a key given twice ({@code {"amount": 1, "amount": 1000000}}) is a 400, not "the last one wins": a
 *       validator, a log or a signature check that saw the first value must not be fooled by the second;</li>
 *   <li>a NUL character in a string or key is a 400 ({@link NulCharacters}).</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.registerModule(new SimpleModule("qutab-no-nul")
                .addDeserializer(String.class, new NulCharacters.Strings())
                .addKeyDeserializer(String.class, new NulCharacters.Keys()));
    }
}
