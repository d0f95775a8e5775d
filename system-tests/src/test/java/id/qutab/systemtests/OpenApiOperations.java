package id.qutab.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The operations of one service's OpenAPI document (what {@code /q/openapi?format=json} serves), and a plausible
 * JSON body for each request schema: the base that the hostile sweep mutates one field at a time.
 */
final class OpenApiOperations {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * @param roles the roles of the operation's security requirement; empty when it has none, a list holding only
     *              "" when it requires a token with any role
     */
    record Operation(String service, String method, String path, List<Parameter> parameters,
                     Optional<String> bodyType, Optional<JsonNode> bodySchema, List<String> roles, boolean secured) {

        String id() {
            return method.toUpperCase() + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> parse(String service, JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = doc.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            JsonNode item = entry.getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode resolved = resolve(doc, p);
                        parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                                resolved.path("required").asBoolean(false), resolve(doc, resolved.path("schema"))));
                    }
                }
                Optional<String> bodyType = Optional.empty();
                Optional<JsonNode> bodySchema = Optional.empty();
                JsonNode content = op.path("requestBody").path("content");
                if (content.isObject() && content.size() > 0) {
                    String type = content.fieldNames().next();
                    bodyType = Optional.of(type);
                    bodySchema = Optional.of(content.get(type).path("schema"));
                }
                List<String> roles = new ArrayList<>();
                boolean secured = false;
                for (JsonNode requirement : op.path("security")) {
                    for (Iterator<JsonNode> scopes = requirement.elements(); scopes.hasNext(); ) {
                        secured = true;
                        JsonNode list = scopes.next();
                        if (list.isEmpty()) {
                            roles.add("");
                        }
                        list.forEach(r -> roles.add(r.asText()));
                    }
                }
                operations.add(new Operation(service, method, path, List.copyOf(parameters), bodyType, bodySchema,
                        List.copyOf(roles), secured));
            }
        }
        return operations;
    }

    static JsonNode resolve(JsonNode doc, JsonNode node) {
        int guard = 0;
        while (node != null && node.has("$ref") && guard++ < 20) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return NODES.objectNode();
            }
            node = doc.at(ref.substring(1));
        }
        return node == null ? NODES.objectNode() : node;
    }

    /**
     * A plausible value for {@code schema}: examples and enums first, then by type and format; {@code byName}
     * may answer for a property name (ids of the test's own records, emails, phone numbers).
     */
    static JsonNode sample(JsonNode doc, JsonNode schema, String name, BiFunction<String, JsonNode, JsonNode> byName,
                           int depth) {
        schema = resolve(doc, schema);
        if (name != null) {
            JsonNode named = byName.apply(name, schema);
            if (named != null) {
                return named;
            }
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return sample(doc, schema.get("allOf").get(0), name, byName, depth);
        }
        if (schema.has("oneOf") && schema.get("oneOf").size() > 0) {
            return sample(doc, schema.get("oneOf").get(0), name, byName, depth);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        switch (type) {
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                return NODES.numberNode(Math.max(min, 1));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(sample(doc, schema.path("items"), singular(name), byName, depth + 1));
                }
                return array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        if (p.getValue().path("readOnly").asBoolean(false)) {
                            continue;
                        }
                        object.set(p.getKey(), sample(doc, p.getValue(), p.getKey(), byName, depth + 1));
                    }
                }
                return object;
            }
            default -> {
                return NODES.textNode(switch (format) {
                    case "uuid" -> "7e1a0000-0000-4000-8000-00000000ffff";
                    case "date" -> "2026-12-01";
                    case "date-time" -> "2026-12-01T00:00:00Z";
                    case "email" -> "sweep@qutab.system.test";
                    case "binary" -> "binary";
                    default -> "Uji sweep";
                });
            }
        }
    }

    private static String singular(String name) {
        return name == null ? null : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
