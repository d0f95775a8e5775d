package id.qutab.whatsapp.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in the Cloud API's shapes (snake_case; webhook timestamps are Unix seconds as strings). */
final class SandboxJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SandboxJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body; anything that is not a well-formed JSON object is a 400, never a stack trace. */
    static JsonNode parseObject(byte[] body) {
        if (body.length == 0) {
            throw ApiError.invalidParameter("Request body is empty; a JSON object is expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.invalidParameter("Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.invalidParameter("Request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ApiError.invalidParameter("Request body could not be read as JSON");
        }
    }

    /** {@code {"error": {"message", "type", "code", "fbtrace_id"}}}. */
    static Map<String, Object> error(ApiError error, String traceId) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", error.getMessage());
        inner.put("type", error.type);
        inner.put("code", error.code);
        inner.put("fbtrace_id", traceId);
        return Map.of("error", inner);
    }

    /** The answer to an accepted send. */
    static Map<String, Object> sendAnswer(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("input", message.to());
        contact.put("wa_id", message.to());
        body.put("contacts", List.of(contact));
        body.put("messages", List.of(Map.of("id", message.id())));
        return body;
    }

    /** A status webhook for one message, as the Cloud API POSTs it. */
    static Map<String, Object> statusWebhook(SandboxConfig config, Message message, String status, long epochSecond) {
        Map<String, Object> entry = new LinkedHashMap<>();
        Map<String, Object> statusBody = new LinkedHashMap<>();
        statusBody.put("id", message.id());
        statusBody.put("status", status);
        statusBody.put("timestamp", Long.toString(epochSecond));
        statusBody.put("recipient_id", message.to());
        if (Message.FAILED.equals(status)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", WhatsAppSandbox.UNDELIVERABLE_CODE);
            error.put("title", "Message undeliverable");
            error.put("message", "Message undeliverable");
            error.put("error_data", Map.of("details", "Sandbox: numbers ending in " + config.failDigit() + " fail"));
            statusBody.put("errors", List.of(error));
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", WhatsAppSandbox.DISPLAY_PHONE_NUMBER,
                "phone_number_id", config.phoneNumberId()));
        value.put("statuses", List.of(statusBody));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("value", value);
        change.put("field", "messages");
        entry.put("id", config.businessAccountId());
        entry.put("changes", List.of(change));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "whatsapp_business_account");
        body.put("entry", List.of(entry));
        return body;
    }

    /** A message for {@code GET /api/messages} (the sandbox's own shape). */
    static Map<String, Object> message(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("to", message.to());
        body.put("type", message.type());
        if (message.templateName() != null) {
            body.put("template", message.templateName());
            body.put("language", message.language());
            body.put("parameters", message.parameters());
        }
        if (message.text() != null) {
            body.put("text", message.text());
        }
        body.put("created", message.created().toString());
        body.put("status", message.status());
        body.put("statuses", message.statuses().stream()
                .map(s -> {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("status", s.status());
                    change.put("at", s.at().toString());
                    return change;
                }).toList());
        return body;
    }
}
