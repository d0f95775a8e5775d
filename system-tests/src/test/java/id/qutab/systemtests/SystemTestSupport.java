package id.qutab.systemtests;

import id.qutab.launcher.AppCatalog;
import id.qutab.launcher.AppDefinition;
import id.qutab.launcher.DatabaseAccess;
import id.qutab.launcher.Options;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the repository and the scratch space are, and the few helpers every system test needs. */
public final class SystemTestSupport {

    public static final Path REPO = Path.of(System.getProperty("qutab.repo.dir", "..")).toAbsolutePath().normalize();
    public static final Path WORK = Path.of(System.getProperty("qutab.it.work", "target/it")).toAbsolutePath().normalize();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private SystemTestSupport() {
    }

    /** A fresh data directory under target/it. */
    public static Path newDataDir(String name) throws IOException {
        Files.createDirectories(WORK);
        return Files.createTempDirectory(WORK, name + "-");
    }

    /** Removes a data directory once its test passed (a failed test keeps it, logs included, under target/it). */
    public static void deleteDataDir(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Options for a platform of its own: fresh ports (never those of a running {@code ./qutab up}), the embedded
     * PostgreSQL even when QUTAB_DB_URL is set, the PostgreSQL binaries unpacked once for all tests.
     */
    public static Options.Builder options(Path dataDir) {
        return Options.builder(REPO)
                .dataDir(dataDir)
                .postgresBinariesDir(WORK.resolve("postgres-bin"))
                .embeddedDatabase()
                .freePorts()
                .readyTimeout(Duration.ofSeconds(120));
    }

    /** The apps the launcher must run in this repository: the app list minus optional apps whose module does not exist. */
    static List<String> expectedApps() {
        return catalog().stream()
                .filter(a -> !a.optional() || Files.isRegularFile(a.moduleDir(REPO).resolve("pom.xml")))
                .map(AppDefinition::name)
                .toList();
    }

    static List<AppDefinition> catalog() {
        return Optional.ofNullable(System.getenv("QUTAB_APPS_FILE")).filter(s -> !s.isBlank())
                .map(f -> AppCatalog.fromFile(Path.of(f))).orElseGet(AppCatalog::bundled);
    }

    public static AppDefinition definition(String app) {
        return catalog().stream().filter(d -> d.name().equals(app)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + app + " in the app list"));
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Connection connect(DatabaseAccess access) throws SQLException {
        return DriverManager.getConnection(access.jdbcUrl(), access.user(), access.password());
    }

    /** The environment a running process was started with (Linux: /proc/&lt;pid&gt;/environ). */
    static Map<String, String> environmentOf(long pid) throws IOException {
        String raw = Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>();
        for (String entry : raw.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
