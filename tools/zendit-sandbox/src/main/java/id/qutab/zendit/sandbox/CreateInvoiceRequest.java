package id.qutab.zendit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A validated {@code POST /v2/invoices} body. Unknown fields are ignored, as Xendit accepts many optional ones. */
record CreateInvoiceRequest(
        String externalId,
        long amount,
        String payerEmail,
        String description,
        long invoiceDurationSeconds,
        String successRedirectUrl,
        String failureRedirectUrl,
        List<Map<String, Object>> items) {

    static final long DEFAULT_DURATION_SECONDS = 86_400;
    static final long MAX_DURATION_SECONDS = 31_536_000;
    /** Far above any qurban order; keeps sums far from overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    static final int MAX_ITEMS = 250;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    static CreateInvoiceRequest parse(JsonNode body) {
        if (!body.isObject()) {
            throw ApiError.validation("Request body must be a JSON object");
        }
        String externalId = requiredString(body, "external_id", 255);
        long amount = positiveInteger(body.get("amount"), "amount", MAX_AMOUNT, true);
        String payerEmail = optionalString(body, "payer_email", 254);
        if (payerEmail != null && !EMAIL.matcher(payerEmail).matches()) {
            throw ApiError.validation("\"payer_email\" must be a valid email");
        }
        String description = optionalString(body, "description", 1000);
        long duration = DEFAULT_DURATION_SECONDS;
        JsonNode durationNode = body.get("invoice_duration");
        if (durationNode != null && !durationNode.isNull()) {
            duration = positiveInteger(durationNode, "invoice_duration", MAX_DURATION_SECONDS, false);
        }
        String successUrl = optionalUrl(body, "success_redirect_url");
        String failureUrl = optionalUrl(body, "failure_redirect_url");
        String currency = optionalString(body, "currency", 3);
        if (currency != null && !ZenditSandbox.CURRENCY.equals(currency)) {
            throw new ApiError(400, "UNSUPPORTED_CURRENCY", "The sandbox supports IDR only, not " + currency);
        }
        List<Map<String, Object>> items = items(body.get("items"));
        return new CreateInvoiceRequest(externalId, amount, payerEmail, description, duration, successUrl, failureUrl,
                items);
    }

    private static List<Map<String, Object>> items(JsonNode node) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            throw ApiError.validation("\"items\" must be an array");
        }
        if (node.size() > MAX_ITEMS) {
            throw ApiError.validation("\"items\" must contain at most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode itemNode = node.get(i);
            String prefix = "\"items[" + i + "]";
            if (!itemNode.isObject()) {
                throw ApiError.validation(prefix + "\" must be an object");
            }
            Map<String, Object> item = new LinkedHashMap<>();
            JsonNode name = itemNode.get("name");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                throw ApiError.validation(prefix + ".name\" is required");
            }
            if (name.textValue().length() > 255) {
                throw ApiError.validation(prefix + ".name\" must be at most 255 characters");
            }
            item.put("name", name.textValue());
            JsonNode quantity = itemNode.get("quantity");
            if (quantity == null || quantity.isNull()) {
                throw ApiError.validation(prefix + ".quantity\" is required");
            }
            item.put("quantity", positiveInteger(quantity, "items[" + i + "].quantity", 1_000_000, false));
            JsonNode price = itemNode.get("price");
            if (price == null || !price.isNumber() || price.decimalValue().signum() < 0) {
                throw ApiError.validation(prefix + ".price\" must be a number, 0 or more");
            }
            BigDecimal priceValue = price.decimalValue();
            item.put("price", isIntegral(priceValue) ? (Object) priceValue.longValue() : priceValue);
            for (String optional : List.of("category", "url")) {
                JsonNode value = itemNode.get(optional);
                if (value != null && !value.isNull()) {
                    if (!value.isTextual() || value.textValue().length() > 1000) {
                        throw ApiError.validation(prefix + "." + optional + "\" must be a string");
                    }
                    item.put(optional, value.textValue());
                }
            }
            items.add(item);
        }
        return items;
    }

    /** A whole number in 1..max given as a JSON number ({@code 15000} or {@code 15000.0}, not {@code "15000"}). */
    static long positiveInteger(JsonNode node, String field, long max, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiError.validation("\"" + field + "\" is required");
            }
            throw ApiError.validation("\"" + field + "\" must be a positive integer");
        }
        if (!node.isNumber()) {
            throw ApiError.validation("\"" + field + "\" must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (!isIntegral(value) || value.signum() <= 0) {
            throw ApiError.validation("\"" + field + "\" must be a positive integer");
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiError.validation("\"" + field + "\" must be at most " + max);
        }
        return value.longValueExact();
    }

    private static boolean isIntegral(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String requiredString(JsonNode body, String field, int maxLength) {
        String value = optionalString(body, field, maxLength);
        if (value == null) {
            throw ApiError.validation("\"" + field + "\" is required");
        }
        return value;
    }

    /** Absent, null or blank → {@code null}. */
    private static String optionalString(JsonNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.validation("\"" + field + "\" must be a string");
        }
        String value = node.textValue();
        if (value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiError.validation("\"" + field + "\" must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** Only absolute http(s) URLs: the invoice page redirects the browser there. */
    private static String optionalUrl(JsonNode body, String field) {
        String value = optionalString(body, field, 2048);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return value;
            }
        } catch (Exception e) {
            // reported below
        }
        throw ApiError.validation("\"" + field + "\" must be an absolute http(s) URL");
    }
}
