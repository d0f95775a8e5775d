package id.qutab.systemtests.images;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container images cannot be built here (no Docker), so their parts that run are run: each HEALTHCHECK command
 * with bash against a real HTTP server (healthy on 200 only, on the app's port and path), and the hardening rules
 * are read from the Dockerfiles (non-root user, /tmp declared for a read-only root file system).
 */
class DockerfileTest {

    private static final Path DOCKER = Path.of("..", "deploy", "docker").toAbsolutePath().normalize();
    private static final Pattern HEALTHCHECK = Pattern.compile("(?s)HEALTHCHECK[^\\n]*\\\\\\n\\s*CMD (\\[.*?\\])\\n");

    @Test
    void theServiceHealthChecksAreHealthyOnlyWhenTheAppAnswers200() throws Exception {
        AtomicInteger readyStatus = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(readyStatus.get(), -1);
            exchange.close();
        });
        server.createContext("/q/health/live", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String port = String.valueOf(server.getAddress().getPort());
            for (String dockerfile : List.of("Dockerfile.native", "Dockerfile.jvm")) {
                String check = healthCheck(dockerfile);
                readyStatus.set(200);
                assertEquals(0, run(check, Map.of("QUARKUS_HTTP_PORT", port)), dockerfile + " ready");
                readyStatus.set(503);
                assertEquals(1, run(check, Map.of("QUARKUS_HTTP_PORT", port)), dockerfile + " not ready (503)");
                assertEquals(0, run(check, Map.of("QUARKUS_HTTP_PORT", port, "QUTAB_HEALTH_PATH", "/q/health/live")),
                        dockerfile + " live, asked for live");
                assertNotEquals(0, run(check, Map.of("QUARKUS_HTTP_PORT", String.valueOf(closedPort()))),
                        dockerfile + " nothing listening");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theSandboxHealthCheckAsksTheirHealthPath() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String port = String.valueOf(server.getAddress().getPort());
            String check = healthCheck("Dockerfile.jvm-tool");
            assertEquals(0, run(check, Map.of("ZENDIT_SANDBOX_PORT", port)));
            assertEquals(0, run(check, Map.of("WHATSAPP_SANDBOX_PORT", port)));
            assertNotEquals(0, run(check, Map.of("ZENDIT_SANDBOX_PORT", String.valueOf(closedPort()))));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void everyImageRunsAsUid1001AndDeclaresTmpForAReadOnlyRootFileSystem() throws IOException {
        for (String dockerfile : List.of("Dockerfile.native", "Dockerfile.jvm", "Dockerfile.jvm-tool")) {
            String text = Files.readString(DOCKER.resolve(dockerfile));
            List<String> users = new ArrayList<>();
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(text);
            while (user.find()) {
                users.add(user.group(1));
            }
            assertEquals("1001", users.get(users.size() - 1), dockerfile + ": the last USER");
            assertTrue(text.contains("VOLUME [\"/tmp\"]"), dockerfile + ": /tmp declared");
            assertTrue(text.contains("HEALTHCHECK "), dockerfile + ": a health check");
        }
        String nativeImage = Files.readString(DOCKER.resolve("Dockerfile.native"));
        assertTrue(nativeImage.contains("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY=/tmp/uploads"), "uploads under /tmp");
    }

    private static String healthCheck(String dockerfile) throws IOException {
        Matcher m = HEALTHCHECK.matcher(Files.readString(DOCKER.resolve(dockerfile)));
        assertTrue(m.find(), dockerfile + " has no HEALTHCHECK ... CMD [...]");
        JsonNode exec = JsonMapper.builder().build().readTree(m.group(1));
        assertEquals("bash", exec.get(0).asString());
        assertEquals("-c", exec.get(1).asString());
        return exec.get(2).asString();
    }

    private static int run(String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("QUTAB_")
                || k.endsWith("_SANDBOX_PORT"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "health check timed out");
        return p.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
