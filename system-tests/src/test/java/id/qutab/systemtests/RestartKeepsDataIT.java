package id.qutab.systemtests;

import id.qutab.launcher.LauncherException;
import id.qutab.launcher.Platform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static id.qutab.systemtests.SystemTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop and a start on the same data directory keep everything: rows, migrations, the database cluster
 * itself (no second initdb), the generated secrets. And a second launcher cannot take a data directory in use.
 */
class RestartKeepsDataIT {

    @Test
    void dataSecretsAndMigrationsSurviveARestart() throws Exception {
        Path data = SystemTestSupport.newDataDir("restart");
        String marker = UUID.randomUUID().toString();
        long systemId;
        int identityMigrations;
        String adminPassword;

        try (Platform first = Platform.start(SystemTestSupport.options(data).build())) {
            try (Connection c = connect(first.adminDatabase()); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA system_test");
                s.execute("CREATE TABLE system_test.marker (id text PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now())");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO system_test.marker (id) VALUES (?)")) {
                    ps.setString(1, marker);
                    ps.executeUpdate();
                }
                systemId = single(s, "SELECT system_identifier FROM pg_control_system()");
                identityMigrations = (int) single(s, "SELECT count(*) FROM identity.flyway_schema_history WHERE success");
            }
            adminPassword = first.adminPassword();

            LauncherException busy = assertThrows(LauncherException.class,
                    () -> Platform.start(SystemTestSupport.options(data).build()).close());
            assertTrue(busy.getMessage().contains("another Qutab launcher"), busy.getMessage());
            assertEquals(SystemTestSupport.expectedApps().size(), first.apps().size(), "the refused launcher stopped nothing");
            for (var app : first.apps()) {
                assertTrue(ProcessHandle.of(app.pid()).map(ProcessHandle::isAlive).orElse(false), app.name() + " still runs");
            }
        }

        try (Platform second = Platform.start(SystemTestSupport.options(data).build())) {
            try (Connection c = connect(second.adminDatabase()); Statement s = c.createStatement()) {
                assertEquals(systemId, single(s, "SELECT system_identifier FROM pg_control_system()"),
                        "the same database cluster, not a new initdb");
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM system_test.marker WHERE id = ?")) {
                    ps.setString(1, marker);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(1, rs.getInt(1), "the row written before the restart");
                    }
                }
                assertEquals(identityMigrations,
                        (int) single(s, "SELECT count(*) FROM identity.flyway_schema_history WHERE success"),
                        "migrations are not applied a second time");
            }
            assertEquals(adminPassword, second.adminPassword(), "generated secrets are kept");
        }
        SystemTestSupport.deleteDataDir(data);
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
