package id.qutab.commerce.bench;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.product;
import static io.restassured.RestAssured.given;

/**
 * bench/catalogue.sh: the public catalogue from memory, side by side with nginx serving the very same JSON as a static
 * file, and checkout on one hot product, spread over 20 products, and both at once (do the others slow down?).
 * Drives wrk (-t2 -c32, {@code bench.duration}) against this test's commerce instance; everything (PostgreSQL, the
 * app, nginx, wrk) shares the machine's cores. Not a test: surefire's *Test pattern never selects it; it asserts
 * nothing about time and writes target/catalogue-bench.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class CatalogueBench {

    private static final String DURATION = System.getProperty("bench.duration", "10s");
    private static final int NGINX_PORT = Integer.getInteger("bench.nginx-port", 18799);

    @Inject
    TestDb db;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final StringBuilder report = new StringBuilder();

    @Test
    void catalogueAndCheckout() throws Exception {
        // nginx's worker runs as nobody: the directory and the file must be readable by all.
        Path dir = Files.createTempDirectory("catalogue-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        line("# catalogue and checkout bench (" + DURATION + " per run, wrk -t2 -c32)");
        line("");
        line("load average at start: " + loadavg() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        // A catalogue of a realistic size: 24 kambing, 12 sapi, 12 domba; the list asks for the first 20 kambing.
        for (int i = 0; i < 48; i++) {
            product(i < 24 ? "kambing" : i < 36 ? "sapi" : "domba", 2_000_000 + i * 50_000L, 1_000_000);
        }
        String base = "http://127.0.0.1:" + port;
        String listPath = "/api/products?category=kambing";
        String json = given().get(listPath).then().statusCode(200).extract().asString();
        String detailId = given().get(listPath).then().extract().path("items[0].id");
        Files.writeString(dir.resolve("products.json"), json);
        Files.setPosixFilePermissions(dir.resolve("products.json"), PosixFilePermissions.fromString("rw-r--r--"));
        line("list body: " + json.getBytes(StandardCharsets.UTF_8).length + " bytes; detail body: "
                + given().get("/api/products/" + detailId).then().extract().asByteArray().length + " bytes");
        line("");
        line("| request | req/s | p50 | p99 | non-2xx | load (1 min) |");
        line("|---|---|---|---|---|---|");

        Process nginx = startNginx(dir);
        Result ngx;
        try {
            ngx = wrk("nginx: the same JSON as a static file", "http://127.0.0.1:" + NGINX_PORT + "/products.json", null, dir);
        } finally {
            nginx.destroy();
            new ProcessBuilder("nginx", "-c", dir.resolve("nginx.conf").toString(), "-s", "stop").start().waitFor();
        }
        wrk("warm-up (not counted)", base + listPath, null, dir);
        Result list = wrk("GET " + listPath, base + listPath, null, dir);
        Result detail = wrk("GET /api/products/{id}", base + "/api/products/" + detailId, null, dir);
        String etag = given().get(listPath).then().extract().header("ETag");
        Result revalidate = wrk("GET " + listPath + " with If-None-Match (304)", base + listPath,
                "wrk.headers[\"If-None-Match\"] = '" + etag + "'\n", dir);
        line("");
        line(String.format("ratio list/nginx = %.2f, detail/nginx = %.2f, 304/nginx = %.2f",
                list.rps / ngx.rps, detail.rps / ngx.rps, revalidate.rps / ngx.rps));
        line("");

        // Checkout: customers of their own, products with ample stock so nothing is refused.
        List<UUID> products = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            products.add(product("sapi", 20_000_000, 1_000_000));
        }
        String token = TestJwt.customer(customer());
        line("| checkout | req/s | p50 | p99 | non-2xx | load (1 min) |");
        line("|---|---|---|---|---|---|");
        wrk("warm-up (not counted)", base + "/api/orders", orders(token, products.subList(0, 1)), dir);
        wrk("warm-up (not counted)", base + "/api/orders", orders(token, products.subList(1, 21)), dir);
        Result hot = wrk("POST /api/orders, all on 1 product", base + "/api/orders", orders(token, products.subList(0, 1)), dir);
        Result spread = wrk("POST /api/orders, spread over 20 products", base + "/api/orders",
                orders(token, products.subList(1, 21)), dir);
        // What a NOTIFY from every order would cost (PostgreSQL serializes the commits of notifying transactions),
        // against the V9 triggers (an order's stock-only update does not notify) and no trigger at all; the V9 run
        // is repeated last, so a drift of the machine's load shows.
        db.exec("CREATE TRIGGER bench_notify_every_update AFTER UPDATE ON product FOR EACH STATEMENT "
                + "EXECUTE FUNCTION notify_catalogue_changed()");
        try {
            wrk("POST /api/orders, spread over 20 products, NOTIFY on every order", base + "/api/orders",
                    orders(token, products.subList(1, 21)), dir);
        } finally {
            db.exec("DROP TRIGGER bench_notify_every_update ON product");
        }
        db.exec("ALTER TABLE product DISABLE TRIGGER USER");
        try {
            wrk("POST /api/orders, spread over 20 products, no trigger at all", base + "/api/orders",
                    orders(token, products.subList(1, 21)), dir);
        } finally {
            db.exec("ALTER TABLE product ENABLE TRIGGER USER");
        }
        wrk("POST /api/orders, spread over 20 products (V9 again)", base + "/api/orders",
                orders(token, products.subList(1, 21)), dir);
        line("");
        line(String.format("spread/hot = %.2f", spread.rps / hot.rps));
        line("");
        line("both at once: 16 connections on the hot product, 16 spread over the 20 others");
        line("");
        line("| checkout | req/s | p50 | p99 | non-2xx | load (1 min) |");
        line("|---|---|---|---|---|---|");
        Process hotLoad = wrkProcess(base + "/api/orders", orders(token, products.subList(0, 1)), dir, "hot", 16);
        Process othersLoad = wrkProcess(base + "/api/orders", orders(token, products.subList(1, 21)), dir, "others", 16);
        hotLoad.waitFor();
        othersLoad.waitFor();
        row("hot product (16 connections)", Files.readString(dir.resolve("hot.out")));
        row("the 20 others (16 connections)", Files.readString(dir.resolve("others.out")));
        line("");
        line("load average at end: " + loadavg());
        Path out = Path.of("target", "catalogue-bench.txt");
        Files.writeString(out, report);
        System.out.println("\n===== catalogue bench =====\n" + report + "===== (also in " + out.toAbsolutePath() + ")");
    }

    /** A wrk script posting one-item orders, each request for the next product of {@code products}. */
    private static String orders(String token, List<UUID> products) {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n")
                .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n")
                .append("local bodies = {}\n");
        for (UUID p : products) {
            lua.append("bodies[#bodies + 1] = '{\"items\":[{\"productId\":\"").append(p)
                    .append("\",\"quantity\":1,\"onBehalfOf\":[\"Hamba Allah\"]}],")
                    .append("\"recipient\":{\"name\":\"Bench\",\"location\":\"Masjid Al-Ikhlas, Bogor\"}}'\n");
        }
        lua.append("local i = math.random(#bodies)\n")
                .append("request = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n");
        return lua.toString();
    }

    record Result(double rps) {
    }

    private Result wrk(String label, String url, String lua, Path dir) throws IOException, InterruptedException {
        Process p = wrkProcess(url, lua, dir, "run", 32);
        p.waitFor();
        String out = Files.readString(dir.resolve("run.out"));
        if (label.startsWith("warm-up")) {
            return new Result(0);
        }
        return row(label, out);
    }

    private Process wrkProcess(String url, String lua, Path dir, String name, int connections) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + DURATION, "--latency"));
        if (lua != null) {
            Path script = dir.resolve(name + ".lua");
            Files.writeString(script, lua);
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    private Result row(String label, String out) throws IOException {
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)", "0"));
        line(String.format("| %s | %.0f | %s | %s | %s | %s |", label, rps, find(out, "(?m)^\\s+50%\\s+(\\S+)", "?"),
                find(out, "(?m)^\\s+99%\\s+(\\S+)", "?"), find(out, "Non-2xx or 3xx responses: (\\d+)", "0"),
                loadavg().split(" ")[0]));
        return new Result(rps);
    }

    private Process startNginx(Path dir) throws IOException, InterruptedException {
        // As bench/nginx-302.conf: one worker, no access log.
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    default_type application/json;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s;
                    }
                }
                """.formatted(dir, NGINX_PORT));
        Process p = new ProcessBuilder("nginx", "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Thread.sleep(500);
        return p;
    }

    private static String find(String text, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    private static String loadavg() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private void line(String s) {
        report.append(s).append('\n');
    }
}
