package id.qutab.platform.notify.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.qutab.platform.notify.NotificationChannel;
import id.qutab.platform.notify.PendingNotification;
import id.qutab.platform.notify.PermanentDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * WhatsApp template messages through the Business Cloud API: {@code POST {base-url}/{api-version}/{phone-number-id}/messages}
 * with the Bearer token, {@code type: template}, the template's name and language and its body parameters; the
 * recipient as E.164 digits without '+'. Returns the {@code wamid} the status webhooks refer to.
 *
 * <p>What is retried: no answer within {@code send-timeout}, a connection failure, 5xx, 401/403 (a token or
 * permission an operator can fix), 408, 429 and the Cloud API's rate-limit codes. Any other 4xx is the provider
 * refusing this very message (an invalid number, a template it does not have or whose parameters do not match):
 * sending it again cannot succeed, so it is a {@link PermanentDeliveryException} and the message fails at once.
 *
 * <p>A service without {@code access-token} and {@code phone-number-id} still has this bean (mail-only services start
 * unchanged); it refuses every send with an error naming the missing properties, and the message waits for the
 * configuration until it expires.
 */
@ApplicationScoped
public class WhatsAppChannel implements NotificationChannel {

    public static final String NAME = "whatsapp";

    private static final Logger LOG = Logger.getLogger(WhatsAppChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Graph API codes meaning "later": throttling (4, 80007, 130429), spam and pair rate limits (131048, 131056). */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(4, 80007, 130429, 131048, 131056);
    private static final Set<Integer> RETRYABLE_HTTP = Set.of(401, 403, 408, 429);

    @Inject
    WhatsAppConfig config;

    private volatile HttpClient client;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String deliver(PendingNotification n) throws Exception {
        String token = config.accessToken().filter(s -> !s.isBlank()).orElse(null);
        String phoneNumberId = config.phoneNumberId().filter(s -> !s.isBlank()).orElse(null);
        if (token == null || phoneNumberId == null) {
            throw new IllegalStateException("WhatsApp is not configured in this service: set qutab.whatsapp.access-token "
                    + "(QUTAB_WHATSAPP_TOKEN) and qutab.whatsapp.phone-number-id (QUTAB_WHATSAPP_PHONE_NUMBER_ID)");
        }
        String base = config.baseUrl().endsWith("/")
                ? config.baseUrl().substring(0, config.baseUrl().length() - 1) : config.baseUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + config.apiVersion() + "/" + phoneNumberId
                        + "/messages"))
                .timeout(config.sendTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(n), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String id = JSON.readTree(response.body()).path("messages").path(0).path("id").asText(null);
            if (id == null || id.isBlank()) {
                // taken, but without an id no status can ever be matched: sent, never "delivered"
                LOG.warnf("WhatsApp accepted notification %s without a message id", n.id());
                return null;
            }
            return id;
        }
        String error = describe(status, response.body());
        if (status >= 400 && status < 500 && !RETRYABLE_HTTP.contains(status)
                && !RETRYABLE_CODES.contains(errorCode(response.body()))) {
            throw new PermanentDeliveryException(error);
        }
        throw new IOException(error);
    }

    /** The Cloud API's template message; {@code to} loses its '+'. */
    static String body(PendingNotification n) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        String to = n.recipient().startsWith("+") ? n.recipient().substring(1) : n.recipient();
        root.put("to", to);
        root.put("type", "template");
        ObjectNode template = root.putObject("template");
        template.put("name", n.template());
        template.putObject("language").put("code", n.locale());
        if (n.parameters() != null && !n.parameters().isEmpty()) {
            ArrayNode parameters = template.putArray("components").addObject().put("type", "body").putArray("parameters");
            for (String value : n.parameters()) {
                parameters.addObject().put("type", "text").put("text", value == null ? "" : value);
            }
        }
        return root.toString();
    }

    /** {@code HTTP 400 #100 (OAuthException): message}: codes and the provider's words, never the recipient. */
    private static String describe(int status, String body) {
        JsonNode error = parse(body).path("error");
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        if (error.has("code")) {
            s.append(" #").append(error.path("code").asText());
        }
        if (error.hasNonNull("error_user_title")) {
            s.append(" ").append(error.path("error_user_title").asText());
        }
        if (error.hasNonNull("message")) {
            String message = error.path("message").asText();
            s.append(": ").append(message.length() > 200 ? message.substring(0, 200) : message);
        }
        return s.toString();
    }

    private static int errorCode(String body) {
        return parse(body).path("error").path("code").asInt(-1);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JsonNodeFactory.instance.objectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode(); // a proxy's HTML error page: the HTTP status decides
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(config.sendTimeout()).build();
                }
                c = client;
            }
        }
        return c;
    }
}
