package id.qutab.whatsapp.sandbox;

import id.qutab.sandbox.kit.Exchanges;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Routes and answers every request. API errors are in the Graph API's error shape and never carry a stack trace; one
 * log line per request (method, path, status, time; never bodies, so no phone numbers' messages).
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(WhatsAppSandbox.class.getPackageName());
    private static final String JSON = Exchanges.JSON;
    private static final String HTML = Exchanges.HTML;
    private static final String HTML_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,3}");

    private final WhatsAppSandbox sandbox;

    SandboxHttpHandler(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Response response;
        try {
            response = route(exchange);
        } catch (ApiError e) {
            response = Response.error(e);
        } catch (Exchanges.MethodNotAllowed e) {
            response = Response.error(new ApiError(405, "GraphMethodException", ApiError.INVALID_PARAMETER,
                    exchange.getRequestMethod() + " is not allowed here; use " + e.allow()))
                    .withHeader("Allow", e.allow());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "unexpected error on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath(), e);
            response = Response.error(new ApiError(500, "OAuthException", 1, "An unknown error occurred"));
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
            return Response.html(200, Pages.indexPage(sandbox.phones(), sandbox.messages()));
        }
        if (n == 1 && path.get(0).equals("health")) {
            Exchanges.allow(method, "GET");
            return Response.json(200, Map.of("status", "UP"));
        }
        if (n == 3 && VERSION.matcher(path.get(0)).matches() && path.get(2).equals("messages")) {
            Exchanges.allow(method, "POST");
            authenticate(exchange);
            if (!path.get(1).equals(sandbox.config().phoneNumberId())) {
                throw ApiError.invalidParameter("Unsupported post request. Object with ID '"
                        + SendRequest.abbreviate(path.get(1)) + "' does not exist");
            }
            SendRequest request = SendRequest.parse(SandboxJson.parseObject(readBody(exchange)));
            return Response.json(200, SandboxJson.sendAnswer(sandbox.send(request)));
        }
        if (n == 2 && path.get(0).equals("api") && path.get(1).equals("messages")) {
            Exchanges.allow(method, "GET");
            String to = query(exchange).get("to");
            List<Message> found = to == null ? sandbox.messages() : sandbox.messagesTo(to);
            return Response.json(200, found.stream().map(SandboxJson::message).toList());
        }
        if (n >= 2 && path.get(0).equals("conversations")) {
            String phone = path.get(1);
            if (n == 2) {
                Exchanges.allow(method, "GET");
                return Response.html(200, Pages.conversationPage(phone, sandbox.messagesTo(phone)));
            }
            if (n == 5 && path.get(2).equals("messages") && path.get(4).equals("read")) {
                Exchanges.allow(method, "POST");
                return read(exchange, phone, path.get(3));
            }
        }
        throw ApiError.notFound("Unknown path components: " + exchange.getRequestURI().getRawPath());
    }

    /** The page's Read button (a form post: back to the page) or the JSON API (the message). */
    private Response read(HttpExchange exchange, String phone, String id) {
        Message message = sandbox.message(id).filter(m -> m.to().equals(phone))
                .orElseThrow(() -> ApiError.notFound("No message " + SendRequest.abbreviate(id) + " to " + phone));
        try {
            message = sandbox.markRead(message.id());
        } catch (IllegalStateException e) {
            throw new ApiError(409, "OAuthException", ApiError.INVALID_PARAMETER, e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiError.notFound(e.getMessage());
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Response.redirect("/conversations/" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        }
        return Response.json(200, SandboxJson.message(message));
    }

    /** {@code Authorization: Bearer <access token>}. */
    private void authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiError.unauthorized("An active access token must be used to query information about the current user.");
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && sandbox.tokenMatches(parts[1])) {
            return;
        }
        throw ApiError.unauthorized("Invalid OAuth access token - Cannot parse access token");
    }

    /** At most {@link WhatsAppSandbox#MAX_BODY_BYTES}; more is a 413. */
    private static byte[] readBody(HttpExchange exchange) {
        return Exchanges.readBody(exchange, WhatsAppSandbox.MAX_BODY_BYTES,
                () -> new ApiError(413, "OAuthException", ApiError.INVALID_PARAMETER,
                        "Request body is larger than " + WhatsAppSandbox.MAX_BODY_BYTES + " bytes"),
                () -> ApiError.invalidParameter("Request body could not be read"));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return Exchanges.query(exchange, () -> ApiError.invalidParameter("Malformed query string"));
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

        static Response error(ApiError error) {
            // a trace id as the Graph API gives, so a log line can be matched to an answer
            return json(error.status, SandboxJson.error(error, UUID.randomUUID().toString().substring(0, 11)));
        }

        Response withHeader(String name, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(name, value);
            return new Response(status, contentType, body, all);
        }
    }
}
