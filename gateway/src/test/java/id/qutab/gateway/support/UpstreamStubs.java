package id.qutab.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Four small HTTP servers standing in for the services. Each answers 200 with a JSON description of what it
 * received ({upstream, method, path, query, headers, body}) and remembers it. The memory is read over HTTP on a
 * separate control port ({@code test.stubs.control-url}): the test and this resource may live in different
 * class loaders, so no static state is shared.
 * <p>
 * Init arg {@code down}: comma-separated services to point at a closed port instead; {@code idle-timeout-ms}: how
 * soon the servers close a keep-alive connection on which no further request came (default: never). Request headers
 * {@code X-Stub-Delay-Ms} and {@code X-Stub-Status} make a stub answer late or with another status;
 * {@code X-Stub-Close} makes it close the connection once it has read (and recorded) the request, without answering. Like the
 * real services, a stub echoes {@code X-Request-Id} and (unlike them) sends its own CORS header, which the
 * gateway must drop.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("identity", "commerce", "affiliate", "payout", "console");

    private final List<JsonObject> recorded = new ArrayList<>();
    private Set<String> down = Set.of();
    private long idleTimeoutMs;
    private final Map<HttpConnection, AtomicLong> idleWatch = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault("down", "");
        down = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        idleTimeoutMs = Long.parseLong(initArgs.getOrDefault("idle-timeout-ms", "0"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port = down.contains(service) ? closedPort()
                    : listen(vertx.createHttpServer().requestHandler(r -> echo(service, r)));
            config.put("qutab.services." + service + ".url", "http://127.0.0.1:" + port);
        }
        int control = listen(vertx.createHttpServer().requestHandler(this::control));
        config.put("test.stubs.control-url", "http://127.0.0.1:" + control);
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    /**
     * Like a server's keep-alive idle timeout, but only between requests: once an answer has gone out and no
     * further request arrives on that connection within {@code idle-timeout-ms}, the connection is closed. (Vert.x'
     * own idle timeout would also close a new connection whose first request is a few ms late on a busy machine.)
     */
    private void closeWhenIdle(HttpServerRequest request) {
        if (idleTimeoutMs <= 0) {
            return;
        }
        HttpConnection connection = request.connection();
        AtomicLong requestsSeen = idleWatch.computeIfAbsent(connection, c -> {
            c.closeHandler(v -> idleWatch.remove(c));
            return new AtomicLong();
        });
        long mine = requestsSeen.incrementAndGet();
        request.response().endHandler(v -> vertx.setTimer(idleTimeoutMs, t -> {
            if (requestsSeen.get() == mine) {
                connection.close();
            }
        }));
    }

    private void echo(String service, HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        closeWhenIdle(request);
        // Recorded only once the whole body has arrived: a request the gateway cut short never shows up.
        request.body().onSuccess(body -> {
            JsonObject seen = describe(service, request, body);
            synchronized (recorded) {
                recorded.add(seen);
            }
            if (request.getHeader("X-Stub-Close") != null) {
                // A service that dies (or closes the connection) after reading the request, before answering.
                request.connection().close();
                return;
            }
            int status = intHeader(request, "X-Stub-Status", 200);
            long delay = intHeader(request, "X-Stub-Delay-Ms", 0);
            Runnable reply = () -> request.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", String.valueOf(request.getHeader("X-Request-Id")))
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .end(seen.encode());
            if (delay > 0) {
                vertx.setTimer(delay, t -> {
                    if (!request.response().closed()) {
                        reply.run();
                    }
                });
            } else {
                reply.run();
            }
        });
    }

    private static JsonObject describe(String service, HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        for (String name : request.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", request.headers().getAll(name)));
        }
        return new JsonObject()
                .put("upstream", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("body", body.toString());
    }

    private void control(HttpServerRequest request) {
        synchronized (recorded) {
            switch (request.method().name()) {
                case "GET" -> request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonArray(new ArrayList<>(recorded)).encode());
                case "DELETE" -> {
                    recorded.clear();
                    request.response().setStatusCode(204).end();
                }
                default -> request.response().setStatusCode(405).end();
            }
        }
    }

    private static int intHeader(HttpServerRequest request, String name, int fallback) {
        String value = request.getHeader(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static int listen(HttpServer server) {
        return await(server.listen(0, "127.0.0.1")).actualPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
