package id.qutab.systemtests;

import id.qutab.launcher.AppDefinition;
import id.qutab.launcher.DatabaseAccess;
import id.qutab.launcher.Platform;
import id.qutab.launcher.Ports;
import id.qutab.launcher.RunningApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.qutab.systemtests.SystemTestSupport.connect;
import static id.qutab.systemtests.SystemTestSupport.environmentOf;
import static id.qutab.systemtests.SystemTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One start of the whole platform: every app of the launcher's list is up (through the gateway when the list has
 * one), each app gets its own database role confined to its own schema, what the operator exports wins over the
 * launcher's defaults, and a stop leaves no process and no listening port behind.
 */
class PlatformStartStopIT {

    private static final String OPERATOR_SECRET = "events-secret-given-by-the-operator";

    @Test
    void startsEveryAppThenStopsWithoutLeavingAnythingBehind() throws Exception {
        Path data = SystemTestSupport.newDataDir("start-stop");
        Platform platform = Platform.start(SystemTestSupport.options(data)
                .env("QUTAB_EVENTS_SECRET", OPERATOR_SECRET)
                .env("QUARKUS_HTTP_PORT", "1") // a global port would make the apps collide: each gets its own
                .build());
        List<ProcessHandle> processes;
        List<Integer> ports;
        try {
            processes = platform.processes();
            ports = platform.ports();

            assertEquals(SystemTestSupport.expectedApps(), platform.apps().stream().map(RunningApp::name).toList(),
                    "every app of the launcher's list runs, in list order");
            for (RunningApp app : platform.apps()) {
                assertReady(app.healthUrl(), app.name());
                if (app.openapiUrl().isPresent()) {
                    assertEquals(200, get(app.openapiUrl().get()).statusCode(), app.name() + " publishes OpenAPI");
                }
            }
            Optional<URI> gateway = platform.gatewayUrl();
            assertEquals(platform.apps().stream().anyMatch(RunningApp::entrypoint), gateway.isPresent());
            if (gateway.isPresent()) {
                assertReady(gateway.get().resolve("/q/health/ready"), "the gateway");
            }

            assertEachAppOwnsOnlyItsSchema(platform);
            assertOperatorEnvironmentWins(platform);
        } finally {
            platform.close();
        }

        assertFalse(processes.isEmpty());
        for (ProcessHandle p : processes) {
            assertFalse(p.isAlive(), "process " + p.pid() + " " + p.info().commandLine().orElse("") + " is still alive");
        }
        for (int port : ports) {
            assertTrue(Ports.isFree(port), "port " + port + " is still in use");
        }
        SystemTestSupport.deleteDataDir(data);
    }

    private static void assertReady(URI health, String what) throws Exception {
        HttpResponse<String> response = get(health);
        assertEquals(200, response.statusCode(), what + " readiness: " + response.body());
        assertTrue(response.body().contains("\"UP\""), what + " readiness body: " + response.body());
    }

    private static void assertEachAppOwnsOnlyItsSchema(Platform platform) throws SQLException {
        List<RunningApp> withDatabase = platform.apps().stream()
                .filter(a -> platform.database(a.name()).isPresent()).toList();
        assertFalse(withDatabase.isEmpty());
        for (RunningApp app : withDatabase) {
            DatabaseAccess own = platform.database(app.name()).orElseThrow();
            String schema = SystemTestSupport.definition(app.name()).schema().orElseThrow();
            try (Connection c = connect(own); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".flyway_schema_history")) {
                assertTrue(rs.next() && rs.getInt(1) > 0, app.name() + " migrated its schema as its own role");
            }
            for (RunningApp other : withDatabase) {
                if (other == app) {
                    continue;
                }
                String otherSchema = SystemTestSupport.definition(other.name()).schema().orElseThrow();
                try (Connection c = connect(own); Statement s = c.createStatement()) {
                    SQLException denied = assertThrows(SQLException.class,
                            () -> s.executeQuery("SELECT count(*) FROM " + otherSchema + ".flyway_schema_history"));
                    assertEquals("42501", denied.getSQLState(), app.name() + " reading " + otherSchema + ": " + denied);
                }
            }
            DatabaseAccess wrongPassword = new DatabaseAccess(own.jdbcUrl(), own.user(), own.password() + "x");
            SQLException rejected = assertThrows(SQLException.class, () -> connect(wrongPassword).close());
            assertEquals("28P01", rejected.getSQLState(), "a wrong password is rejected: " + rejected);
        }
    }

    private static void assertOperatorEnvironmentWins(Platform platform) throws Exception {
        for (RunningApp app : platform.apps()) {
            Map<String, String> env = environmentOf(app.pid());
            assertEquals(OPERATOR_SECRET, env.get("QUTAB_EVENTS_SECRET"), app.name());
            assertEquals(Integer.toString(app.port()), env.get(SystemTestSupport.definition(app.name()).portEnv()),
                    app.name() + " gets its own port");
            for (RunningApp other : platform.apps()) {
                SystemTestSupport.definition(other.name()).urlVariable().ifPresent(variable ->
                        assertEquals(other.url().toString(), env.get(variable), app.name() + " finds " + other.name()));
            }
            assertEquals(platform.adminEmail(), env.get("QUTAB_ADMIN_EMAIL"));
            assertEquals(platform.adminPassword(), env.get("QUTAB_ADMIN_PASSWORD"));
            Optional<DatabaseAccess> db = platform.database(app.name());
            assertEquals(db.map(DatabaseAccess::user).orElse(null), env.get("QUARKUS_DATASOURCE_USERNAME"), app.name());
            // app.<name>.env.* goes to that app only (identity's signing key), unless the operator exported it
            AppDefinition own = SystemTestSupport.definition(app.name());
            for (AppDefinition other : SystemTestSupport.catalog()) {
                for (String name : other.env().keySet()) {
                    if (own.env().containsKey(name)) {
                        assertTrue(env.containsKey(name), app.name() + " gets " + name);
                    } else if (!System.getenv().containsKey(name)) {
                        assertNull(env.get(name), name + " belongs to " + other.name() + ", not to " + app.name());
                    }
                }
            }
        }
    }
}
