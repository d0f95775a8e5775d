package id.qutab.zendit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in the Xendit Invoice v2 shape (snake_case, ISO-8601 UTC times with milliseconds). */
final class SandboxJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // exact amounts: 1e400 or 15000.0000000001 must be judged, not rounded through a double
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Xendit writes {@code 2020-01-14T02:32:50.912Z}: always milliseconds, always {@code Z}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SandboxJson() {
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body; anything that is not well-formed JSON is a 400, never a stack trace. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ApiError(400, "INVALID_JSON_FORMAT", "Request body is empty; a JSON object is expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiError(400, "INVALID_JSON_FORMAT", "Request body is empty; a JSON object is expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "INVALID_JSON_FORMAT",
                    "Request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ApiError(400, "INVALID_JSON_FORMAT", "Request body could not be read as JSON");
        }
    }

    static Map<String, Object> error(String errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return body;
    }

    /** The invoice as {@code GET /v2/invoices/{id}} returns it. */
    static Map<String, Object> invoice(Invoice invoice, Instant updated) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", invoice.id());
        body.put("external_id", invoice.externalId());
        body.put("user_id", ZenditSandbox.USER_ID);
        body.put("status", invoice.status());
        body.put("merchant_name", ZenditSandbox.MERCHANT_NAME);
        body.put("amount", invoice.amount());
        if (invoice.paidAmount() != null) {
            body.put("paid_amount", invoice.paidAmount());
            body.put("paid_at", time(invoice.paidAt()));
            body.put("payment_method", invoice.paymentMethod());
            body.put("payment_channel", invoice.paymentChannel());
            body.put("bank_code", invoice.paymentChannel());
        }
        putIfPresent(body, "payer_email", invoice.payerEmail());
        putIfPresent(body, "description", invoice.description());
        body.put("expiry_date", time(invoice.expiryDate()));
        body.put("invoice_url", invoice.invoiceUrl());
        putIfPresent(body, "success_redirect_url", invoice.successRedirectUrl());
        putIfPresent(body, "failure_redirect_url", invoice.failureRedirectUrl());
        body.put("should_send_email", false);
        body.put("created", time(invoice.created()));
        body.put("updated", time(updated));
        body.put("currency", ZenditSandbox.CURRENCY);
        if (!invoice.items().isEmpty()) {
            body.put("items", invoice.items());
        }
        return body;
    }

    /**
     * The body Xendit POSTs to the invoice callback URL. {@code EXPIRED} callbacks carry no payment fields; a
     * {@code PAID} one for an invoice that has none (only for {@link ZenditSandbox#sendCallback}) uses the amount.
     */
    static Map<String, Object> callback(Invoice invoice, String status, Instant updated) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", invoice.id());
        body.put("external_id", invoice.externalId());
        body.put("user_id", ZenditSandbox.USER_ID);
        body.put("is_high", false);
        body.put("status", status);
        body.put("merchant_name", ZenditSandbox.MERCHANT_NAME);
        body.put("amount", invoice.amount());
        boolean paid = Invoice.PAID.equals(status) || Invoice.SETTLED.equals(status);
        if (paid) {
            long paidAmount = invoice.paidAmount() != null ? invoice.paidAmount() : invoice.amount();
            Instant paidAt = invoice.paidAt() != null ? invoice.paidAt() : updated;
            String channel = invoice.paymentChannel() != null ? invoice.paymentChannel() : ZenditSandbox.PAYMENT_CHANNEL;
            body.put("paid_amount", paidAmount);
            body.put("bank_code", channel);
            body.put("paid_at", time(paidAt));
        }
        putIfPresent(body, "payer_email", invoice.payerEmail());
        putIfPresent(body, "description", invoice.description());
        if (paid) {
            body.put("payment_method",
                    invoice.paymentMethod() != null ? invoice.paymentMethod() : ZenditSandbox.PAYMENT_METHOD);
            body.put("payment_channel",
                    invoice.paymentChannel() != null ? invoice.paymentChannel() : ZenditSandbox.PAYMENT_CHANNEL);
        }
        body.put("currency", ZenditSandbox.CURRENCY);
        body.put("created", time(invoice.created()));
        body.put("updated", time(updated));
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
