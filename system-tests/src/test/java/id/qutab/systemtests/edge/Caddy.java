package id.qutab.systemtests.edge;

import id.qutab.launcher.Ports;
import id.qutab.systemtests.SystemTestSupport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's caddy (2.6.2, STACK.md) running the production {@code deploy/caddy/Caddyfile} unchanged: only its
 * environment differs from docker-compose.yml (a test domain, {@code tls internal}, free ports, the launcher's
 * gateway as upstream, no admin endpoint). Its storage (the internal CA included) lives in the test's directory, and
 * the CA is never installed into the machine's trust store (the Caddyfile says {@code skip_install_trust}).
 */
final class Caddy implements AutoCloseable {

    /** The site's name; the test clients resolve it to 127.0.0.1 themselves (no DNS, no /etc/hosts). */
    static final String DOMAIN = "edge.qutab.test";

    private final Process process;
    private final Path dir;
    final int httpPort;
    final int httpsPort;

    private Caddy(Process process, Path dir, int httpPort, int httpsPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    static Caddy start(Path dir, int gatewayPort) throws IOException {
        String binary = Optional.ofNullable(System.getenv("QUTAB_CADDY")).filter(s -> !s.isBlank()).orElse("/usr/bin/caddy");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " is missing: install Debian's caddy (apt-get install -y caddy; "
                    + ".ci/run does it) or set QUTAB_CADDY");
        }
        Files.createDirectories(dir);
        int http = Ports.freePort();
        int https = Ports.freePort();
        ProcessBuilder builder = new ProcessBuilder(binary, "run", "--adapter", "caddyfile",
                "--config", SystemTestSupport.REPO.resolve("deploy/caddy/Caddyfile").toString());
        Map<String, String> env = builder.environment();
        env.put("QUTAB_DOMAIN", DOMAIN);
        env.put("QUTAB_EDGE_TLS", "internal");
        env.put("QUTAB_EDGE_UPSTREAM", "127.0.0.1:" + gatewayPort);
        env.put("QUTAB_EDGE_HTTP_PORT", Integer.toString(http));
        env.put("QUTAB_EDGE_HTTPS_PORT", Integer.toString(https));
        env.put("QUTAB_EDGE_ADMIN", "off");
        env.put("HOME", dir.toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.redirectOutput(dir.resolve("caddy-access.log").toFile());
        builder.redirectError(dir.resolve("caddy.log").toFile());
        return new Caddy(builder.start(), dir, http, https);
    }

    /** Caddy's own CA, made at its first start: what the test clients trust (and nothing else). */
    SSLContext trust(Duration timeout) throws IOException, GeneralSecurityException, InterruptedException {
        Path root = dir.resolve("data/caddy/pki/authorities/local/root.crt");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.isRegularFile(root) || Files.size(root) == 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("caddy exited with " + process.exitValue() + ": " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("caddy made no CA within " + timeout + ": " + log());
            }
            Thread.sleep(100);
        }
        Thread.sleep(200); // written in one go, but give the write a moment to finish
        Certificate ca;
        try (InputStream in = Files.newInputStream(root)) {
            ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("caddy-local-root", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Caddy's access log so far (stdout, one JSON object per request). */
    String accessLog() throws IOException {
        return Files.readString(dir.resolve("caddy-access.log"), StandardCharsets.UTF_8);
    }

    String log() throws IOException {
        Path log = dir.resolve("caddy.log");
        return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
