package id.qutab.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @TempDir
    Path repo;

    @Test
    void defaults() {
        Options o = Options.builder(repo).environment(Map.of()).build();
        assertEquals(repo.resolve(".qutab-data"), o.dataDir());
        assertEquals(8080, o.port("gateway"));
        assertEquals(8081, o.port("identity"));
        assertEquals(8084, o.port("payout"));
        assertEquals(8090, o.port("zendit"));
        assertEquals(8091, o.port("whatsapp"));
        assertEquals(15432, o.databasePort());
        assertTrue(o.databaseUrl().isEmpty());
        assertEquals("qutab", o.databaseName());
        assertEquals(List.of(), o.jvmOptions());
        assertEquals(Duration.ofSeconds(180), o.readyTimeout());
        assertEquals("admin@qutab.local", o.adminEmail());
        assertTrue(o.adminPassword().isEmpty());
    }

    @Test
    void theEnvironmentChoosesPortsDatabaseAndJvmOptions() {
        Options o = Options.builder(repo).environment(Map.of(
                "QUTAB_HTTP_PORT", "9080", "QUTAB_COMMERCE_PORT", "9082", "QUTAB_DB_PORT", "25432",
                "QUTAB_DATA_DIR", repo.resolve("elsewhere").toString(), "QUTAB_JVM_OPTS", " -Xmx64m  -Xss256k ",
                "QUTAB_DB_URL", "jdbc:postgresql://db:5432/postgres", "QUTAB_READY_TIMEOUT", "30",
                "QUTAB_ADMIN_PASSWORD", "given", "QUTAB_IDENTITY_PORT", " ")).build();
        assertEquals(9080, o.port("gateway"));
        assertEquals(9082, o.port("commerce"));
        assertEquals(8081, o.port("identity"), "blank is not set");
        assertEquals(25432, o.databasePort());
        assertEquals(repo.resolve("elsewhere"), o.dataDir());
        assertEquals(List.of("-Xmx64m", "-Xss256k"), o.jvmOptions());
        assertEquals("jdbc:postgresql://db:5432/postgres", o.databaseUrl().orElseThrow());
        assertEquals(Duration.ofSeconds(30), o.readyTimeout());
        assertEquals("given", o.adminPassword().orElseThrow());
        assertTrue(Options.builder(repo).environment(Map.of("QUTAB_DB_URL", "jdbc:postgresql://db/x"))
                .embeddedDatabase().build().databaseUrl().isEmpty());
    }

    @Test
    void rejectsBadPortsAndCollisions() {
        assertThrows(LauncherException.class,
                () -> Options.builder(repo).environment(Map.of("QUTAB_HTTP_PORT", "80a")).build());
        assertThrows(LauncherException.class,
                () -> Options.builder(repo).environment(Map.of("QUTAB_HTTP_PORT", "70000")).build());
        assertThrows(LauncherException.class,
                () -> Options.builder(repo).environment(Map.of("QUTAB_HTTP_PORT", "8081")).build());
        assertThrows(LauncherException.class,
                () -> Options.builder(repo).environment(Map.of("QUTAB_DB_PORT", "8082")).build());
    }

    @Test
    void freePortsAreDistinctAndExplicitPortsWin() {
        Options o = Options.builder(repo).environment(Map.of()).freePorts().port("gateway", 18080).build();
        assertEquals(18080, o.port("gateway"));
        Set<Integer> ports = new HashSet<>();
        o.apps().forEach(a -> ports.add(o.port(a.name())));
        ports.add(o.databasePort());
        assertEquals(o.apps().size() + 1, ports.size());
    }
}
