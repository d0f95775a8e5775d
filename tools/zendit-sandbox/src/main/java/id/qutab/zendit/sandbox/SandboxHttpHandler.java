package id.qutab.zendit.sandbox;

import id.qutab.sandbox.kit.Exchanges;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes and answers every request. Errors are JSON ({@code {"error_code", "message"}}) on the API paths and never
 * carry a stack trace; one log line per request (method, path, status, time; never bodies, so no payer emails).
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(ZenditSandbox.class.getPackageName());
    private static final String JSON = Exchanges.JSON;
    private static final String HTML = Exchanges.HTML;
    // no scripts at all; form-action is left open so the redirect after Pay may leave the sandbox
    private static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private final ZenditSandbox sandbox;

    SandboxHttpHandler(ZenditSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Response response;
        try {
            response = route(exchange);
        } catch (ApiError e) {
            response = Response.error(e.status, e.errorCode, e.getMessage());
        } catch (Exchanges.MethodNotAllowed e) {
            response = new Response(405, JSON, SandboxJson.write(SandboxJson.error("METHOD_NOT_ALLOWED",
                    exchange.getRequestMethod() + " is not allowed here; use " + e.allow())),
                    Map.of("Allow", e.allow()));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "unexpected error on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath(), e);
            response = Response.error(500, "SERVER_ERROR", "Unexpected sandbox error");
        }
        Exchanges.finish(exchange, LOG, started, response.status(), response.contentType(), response.body(),
                response.headers(), HTML_POLICY);
    }

    private Response route(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        List<String> path = Exchanges.segments(exchange.getRequestURI().getPath());
        int n = path.size();

        if (n == 0) {
            Exchanges.allow(method, "GET");
            return Response.html(200, InvoicePages.indexPage(sandbox.snapshots().stream()
                    .map(ZenditSandbox.Snapshot::invoice).sorted((a, b) -> b.created().compareTo(a.created())).toList()));
        }
        if (n == 1 && path.get(0).equals("health")) {
            Exchanges.allow(method, "GET");
            return Response.json(200, Map.of("status", "UP"));
        }
        if (n >= 2 && path.get(0).equals("v2") && path.get(1).equals("invoices")) {
            if (n == 2) {
                Exchanges.allow(method, "GET", "POST");
                authenticate(exchange);
                return method.equals("POST") ? createInvoice(exchange) : listInvoices(exchange);
            }
            if (n == 3) {
                Exchanges.allow(method, "GET");
                authenticate(exchange);
                return Response.json(200, json(sandbox.find(path.get(2))
                        .orElseThrow(() -> ApiError.invoiceNotFound(path.get(2)))));
            }
        }
        if (n == 3 && path.get(0).equals("invoices") && path.get(2).equals("expire!")) {
            Exchanges.allow(method, "POST");
            authenticate(exchange);
            return Response.json(200, json(sandbox.expireByApi(path.get(1))));
        }
        if (n >= 3 && path.get(0).equals("web") && path.get(1).equals("invoices")) {
            String id = path.get(2);
            if (n == 3) {
                Exchanges.allow(method, "GET");
                return sandbox.find(id)
                        .map(s -> Response.html(200, InvoicePages.invoicePage(s.invoice())))
                        .orElseGet(() -> Response.html(404, InvoicePages.notFoundPage(id)));
            }
            if (n == 4) {
                switch (path.get(3)) {
                    case "pay" -> {
                        Exchanges.allow(method, "POST");
                        return webAction(id, Invoice.PAID);
                    }
                    case "expire" -> {
                        Exchanges.allow(method, "POST");
                        return webAction(id, Invoice.EXPIRED);
                    }
                    case "simulate" -> {
                        Exchanges.allow(method, "POST");
                        return simulate(exchange, id);
                    }
                    default -> {
                        // not found below
                    }
                }
            }
        }
        throw new ApiError(404, "NOT_FOUND", "No such endpoint: " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getRawPath());
    }

    private Response createInvoice(HttpExchange exchange) {
        JsonNode body = SandboxJson.parse(readBody(exchange));
        CreateInvoiceRequest request = CreateInvoiceRequest.parse(body);
        String idempotencyKey = exchange.getRequestHeaders().getFirst("X-IDEMPOTENCY-KEY");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw ApiError.validation("X-IDEMPOTENCY-KEY must be 1 to 255 characters");
        }
        long delay = sandbox.createDelay().toMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ZenditSandbox.Snapshot created = sandbox.create(request, idempotencyKey);
        if (sandbox.failThisCreateAfterStoring()) {
            throw new ApiError(500, "SERVER_ERROR", "Simulated failure after the invoice was stored");
        }
        return Response.json(200, json(created));
    }

    /** {@code GET /v2/invoices[?external_id=...]}: a JSON array, like Xendit's list. */
    private Response listInvoices(HttpExchange exchange) {
        String externalId = query(exchange).get("external_id");
        List<Map<String, Object>> result = new ArrayList<>();
        for (ZenditSandbox.Snapshot snapshot : sandbox.snapshots()) {
            if (externalId == null || externalId.equals(snapshot.invoice().externalId())) {
                result.add(json(snapshot));
            }
        }
        return Response.json(200, result);
    }

    /** The page's buttons: change the state if still possible, then send the browser on. */
    private Response webAction(String id, String status) {
        Optional<ZenditSandbox.Snapshot> found = sandbox.find(id);
        if (found.isEmpty()) {
            return Response.html(404, InvoicePages.notFoundPage(id));
        }
        Invoice invoice = found.get().invoice();
        try {
            invoice = sandbox.transitionForHttp(id, status, null, true).invoice();
        } catch (ApiError e) {
            // already paid or expired: show the page with its status
            return Response.redirect(invoice.invoiceUrl());
        }
        String target = Invoice.PAID.equals(status) ? invoice.successRedirectUrl() : invoice.failureRedirectUrl();
        return Response.redirect(target != null ? target : invoice.invoiceUrl());
    }

    /** {@code POST {invoice_url}/simulate} with {@code {"status": "PAID"|"EXPIRED"|"SETTLED", "paid_amount"?, "send_callback"?}}. */
    private Response simulate(HttpExchange exchange, String id) {
        JsonNode body = SandboxJson.parse(readBody(exchange));
        if (!body.isObject()) {
            throw ApiError.validation("Request body must be a JSON object");
        }
        JsonNode status = body.get("status");
        if (status == null || !status.isTextual()) {
            throw ApiError.validation("\"status\" is required: PAID, EXPIRED or SETTLED");
        }
        String wanted = status.textValue().trim().toUpperCase(Locale.ROOT);
        if (!List.of(Invoice.PAID, Invoice.EXPIRED, Invoice.SETTLED).contains(wanted)) {
            throw ApiError.validation("\"status\" must be PAID, EXPIRED or SETTLED");
        }
        Long paidAmount = null;
        JsonNode paid = body.get("paid_amount");
        if (paid != null && !paid.isNull()) {
            if (!Invoice.PAID.equals(wanted)) {
                throw ApiError.validation("\"paid_amount\" only goes with status PAID");
            }
            paidAmount = CreateInvoiceRequest.positiveInteger(paid, "paid_amount", CreateInvoiceRequest.MAX_AMOUNT, true);
        }
        boolean sendCallback = true;
        JsonNode send = body.get("send_callback");
        if (send != null && !send.isNull()) {
            if (!send.isBoolean()) {
                throw ApiError.validation("\"send_callback\" must be true or false");
            }
            sendCallback = send.booleanValue();
        }
        return Response.json(200, json(sandbox.transitionForHttp(id, wanted, paidAmount, sendCallback)));
    }

    /** Basic auth: the secret key as user, empty password. */
    private void authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiError(401, "INVALID_API_KEY", "API key is required (HTTP Basic auth, the secret key as user)");
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length == 2 && parts[0].equalsIgnoreCase("Basic")) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                decoded = new byte[0];
            }
            // "<key>:" exactly: the last byte is the colon, the password is empty
            if (decoded.length > 1 && decoded[decoded.length - 1] == ':'
                    && sandbox.secretKeyMatches(java.util.Arrays.copyOf(decoded, decoded.length - 1))) {
                return;
            }
        }
        throw new ApiError(401, "INVALID_API_KEY", "API key is invalid");
    }

    /** At most {@link ZenditSandbox#MAX_BODY_BYTES}; more is a 413. */
    private static byte[] readBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > ZenditSandbox.MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiError.validation("Content-Length is not a number");
            }
        }
        return Exchanges.readBody(exchange, ZenditSandbox.MAX_BODY_BYTES, SandboxHttpHandler::tooLarge,
                () -> new ApiError(400, "API_VALIDATION_ERROR", "Request body could not be read"));
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "REQUEST_ENTITY_TOO_LARGE",
                "Request body is larger than " + ZenditSandbox.MAX_BODY_BYTES + " bytes");
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return Exchanges.query(exchange, () -> ApiError.validation("Malformed query string"));
    }

    private static Map<String, Object> json(ZenditSandbox.Snapshot snapshot) {
        return SandboxJson.invoice(snapshot.invoice(), snapshot.updated());
    }

    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

        static Response json(int status, Object value) {
            return new Response(status, JSON, SandboxJson.write(value), Map.of());
        }

        static Response html(int status, String html) {
            return new Response(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Response redirect(String location) {
            return new Response(303, null, new byte[0], Map.of("Location", location));
        }

        static Response error(int status, String errorCode, String message) {
            return json(status, SandboxJson.error(errorCode, message));
        }
    }
}
