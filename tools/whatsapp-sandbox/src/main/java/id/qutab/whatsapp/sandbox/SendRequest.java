package id.qutab.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /{version}/{phoneNumberId}/messages} body: a template message (body parameters of type text)
 * or a text message. Anything else is a 400 (#100) naming the field.
 */
record SendRequest(String to, String type, String templateName, String language, List<String> parameters,
                   String text) {

    /** E.164 without the '+': a country code that does not start with 0, 8 to 15 digits in all. */
    static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{7,14}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    static final int MAX_TEXT = 4096;

    static SendRequest parse(JsonNode body) {
        String product = text(body, "messaging_product", true);
        if (!"whatsapp".equals(product)) {
            throw ApiError.invalidParameter("messaging_product must be \"whatsapp\"");
        }
        String to = text(body, "to", true);
        if (!E164_DIGITS.matcher(to).matches()) {
            throw ApiError.invalidParameter("Invalid parameter: to must be an E.164 number as digits without '+', was "
                    + abbreviate(to));
        }
        String type = body.has("type") ? text(body, "type", true) : "text";
        return switch (type) {
            case "template" -> template(to, object(body, "template"));
            case "text" -> {
                String text = text(object(body, "text"), "body", true);
                if (text.isBlank() || text.length() > MAX_TEXT) {
                    throw ApiError.invalidParameter("text.body must be 1 to " + MAX_TEXT + " characters");
                }
                yield new SendRequest(to, type, null, null, List.of(), text);
            }
            default -> throw ApiError.invalidParameter("Unsupported message type: " + abbreviate(type)
                    + " (the sandbox accepts template and text)");
        };
    }

    private static SendRequest template(String to, JsonNode template) {
        String name = text(template, "name", true);
        if (!TEMPLATE_NAME.matcher(name).matches()) {
            throw ApiError.invalidParameter("template.name must be lower-case letters, digits and '_'");
        }
        String language = text(object(template, "language"), "code", true);
        if (!LANGUAGE.matcher(language).matches()) {
            throw ApiError.invalidParameter("template.language.code is not a language code: " + abbreviate(language));
        }
        List<String> parameters = new ArrayList<>();
        JsonNode components = template.get("components");
        if (components != null && !components.isNull()) {
            if (!components.isArray()) {
                throw ApiError.invalidParameter("template.components must be an array");
            }
            for (JsonNode component : components) {
                if (!component.isObject()) {
                    throw ApiError.invalidParameter("template.components[] must be objects");
                }
                String componentType = text(component, "type", true);
                JsonNode list = component.get("parameters");
                if (list == null || list.isNull()) {
                    continue;
                }
                if (!list.isArray()) {
                    throw ApiError.invalidParameter("template.components[].parameters must be an array");
                }
                for (JsonNode parameter : list) {
                    if (!parameter.isObject() || !"text".equals(text(parameter, "type", true))) {
                        throw ApiError.invalidParameter("the sandbox accepts only parameters of type text");
                    }
                    String value = text(parameter, "text", true);
                    if (value.length() > 1024) {
                        throw ApiError.invalidParameter("a parameter text is longer than 1024 characters");
                    }
                    // header and button parameters are shown too, marked, since they are rendered as well
                    parameters.add("body".equals(componentType) ? value : componentType + ": " + value);
                }
            }
        }
        return new SendRequest(to, "template", name, language, List.copyOf(parameters), null);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw ApiError.invalidParameter("The parameter " + field + " is required and must be an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiError.invalidParameter("The parameter " + field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.invalidParameter("The parameter " + field + " must be a string");
        }
        return node.textValue();
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
