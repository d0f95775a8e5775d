package id.qutab.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.console.ConsoleConfig;
import id.qutab.console.session.AdminSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console's only way to the data: API.md through the gateway, as the signed-in admin. Answers come back as
 * plain maps and lists (what Qute renders); anything but a 2xx becomes an {@link ApiProblem} carrying the API's
 * own problem detail, which the page then shows.
 */
@ApplicationScoped
public class Api {

    private static final String JSON = "application/json";

    @Inject
    ConsoleConfig config;

    @Inject
    AdminSession session;

    @Inject
    ObjectMapper mapper;

    private volatile HttpClient client;

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    public Map<String, Object> get(String path, Map<String, ?> query) {
        return object(send(request(path, query).GET()));
    }

    public Map<String, Object> get(String path) {
        return get(path, Map.of());
    }

    /** A JSON array answer (e.g. a list that is not paged). */
    public List<Object> getList(String path, Map<String, ?> query) {
        Object value = parse(send(request(path, query).GET()));
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new ApiProblem(502, "Unexpected answer", "GET " + path + " did not answer with a list", List.of());
    }

    public Map<String, Object> post(String path, Object body) {
        return object(send(withBody(request(path, Map.of()), "POST", body)));
    }

    /** A money-relevant creation: the key makes a double-submitted form create one record. */
    public Map<String, Object> postOnce(String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = withBody(request(path, Map.of()), "POST", body);
        request.header("Idempotency-Key", idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : idempotencyKey);
        return object(send(request));
    }

    public Map<String, Object> put(String path, Object body) {
        return object(send(withBody(request(path, Map.of()), "PUT", body)));
    }

    public Map<String, Object> patch(String path, Object body) {
        return object(send(withBody(request(path, Map.of()), "PATCH", body)));
    }

    public void delete(String path) {
        send(request(path, Map.of()).DELETE());
    }

    /** A multipart upload of one file under {@code field}. */
    public Map<String, Object> upload(String path, String field, String filename, String contentType, byte[] bytes) {
        String boundary = "qutab-" + UUID.randomUUID();
        String safeName = filename == null ? "upload" : filename.replaceAll("[\"\\r\\n\\\\]", "_");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + safeName + "\"\r\nContent-Type: " + (contentType == null ? "application/octet-stream" : contentType)
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        HttpRequest.Builder request = request(path, Map.of())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return object(send(request));
    }

    /** A download (CSV, PDF, an image) streamed through: the caller closes the body. */
    public HttpResponse<InputStream> stream(String path, Map<String, ?> query, String accept) {
        HttpRequest request = request(path, query).header("Accept", accept).GET().build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readNBytes(64 * 1024);
                }
                throw problem(response.statusCode(), body);
            }
            return response;
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    /** Calls made without a session yet (login) or for it (refresh, logout). */
    public Map<String, Object> postAnonymous(String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, Map.of()))
                .timeout(config.requestTimeout())
                .header("Accept", JSON);
        return object(send(withBody(request, "POST", body)));
    }

    private HttpRequest.Builder request(String path, Map<String, ?> query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .timeout(config.requestTimeout())
                .header("Accept", JSON);
        String token = session.accessToken();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder request, String method, Object body) {
        try {
            byte[] json = mapper.writeValueAsBytes(body == null ? Map.of() : body);
            return request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON-serializable", e);
        }
    }

    URI uri(String path, Map<String, ?> query) {
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("the console only calls /api/**: " + path);
        }
        StringBuilder url = new StringBuilder(config.apiUrl().toString().replaceAll("/+$", "")).append(path);
        char separator = '?';
        for (Map.Entry<String, ?> entry : query.entrySet()) {
            Object value = entry.getValue();
            if (value == null || value.toString().isEmpty()) {
                continue; // an empty filter field means "no filter"
            }
            url.append(separator).append(encode(entry.getKey())).append('=').append(encode(value.toString()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /** A path segment from user input (an id, a code): encoded, so it can never change the path. */
    public static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw problem(response.statusCode(), response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private ApiProblem unreachable(Exception e) {
        return new ApiProblem(503, "API unreachable", "The API did not answer (" + e.getClass().getSimpleName()
                + "). Try again in a moment.", List.of());
    }

    private ApiProblem problem(int status, byte[] body) {
        try {
            Object parsed = body.length == 0 ? null : mapper.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                List<ApiProblem.FieldError> errors = new ArrayList<>();
                if (map.get("errors") instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> e) {
                            errors.add(new ApiProblem.FieldError(String.valueOf(e.get("field")),
                                    String.valueOf(e.get("message"))));
                        }
                    }
                }
                return new ApiProblem(status, text(map.get("title"), "HTTP " + status), text(map.get("detail"), ""),
                        errors);
            }
        } catch (IOException ignored) {
            // not problem+json (e.g. a proxy's HTML page): fall through to the bare status
        }
        return new ApiProblem(status, "HTTP " + status, "The API answered " + status + ".", List.of());
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private Object parse(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            return mapper.readValue(body, Object.class);
        } catch (IOException e) {
            throw new ApiProblem(502, "Unexpected answer", "The API answered with something that is not JSON.",
                    List.of());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(byte[] body) {
        Object value = parse(body);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("items", value);
        return wrapped;
    }
}
