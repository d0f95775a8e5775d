package id.qutab.launcher;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prepares the database for the apps: the database itself (default {@code qutab}) if missing, and per app that
 * owns a schema a login role {@code <database>_<schema>} with its own generated password, owning that schema.
 * Each app connects with its own credentials and can reach only its own schema; its Flyway creates the tables.
 * Safe to run at every start: existing roles get their stored password again, nothing is dropped.
 */
final class DatabaseProvisioner {

    private final DatabaseServer server;
    private final String database;
    private final LocalSecrets secrets;
    private final PrintStream out;

    DatabaseProvisioner(DatabaseServer server, String database, LocalSecrets secrets, PrintStream out) {
        this.server = server;
        this.database = database;
        this.secrets = secrets;
        this.out = out;
    }

    /** Credentials per app name, for the apps that own a schema. */
    Map<String, DatabaseAccess> provision(List<AppDefinition> apps) {
        boolean created = createDatabaseIfMissing();
        Map<String, DatabaseAccess> access = new LinkedHashMap<>();
        try (Connection c = connect(server.jdbcUrl(database)); Statement s = c.createStatement()) {
            boolean superuser = isSuperuser(c);
            if (created) {
                s.execute("REVOKE ALL ON DATABASE " + Sql.identifier(database) + " FROM PUBLIC");
            }
            for (AppDefinition app : apps) {
                if (app.schema().isEmpty()) {
                    continue;
                }
                String schema = app.schema().get();
                String role = roleName(database, schema);
                String password = secrets.password("db-" + role + "-password");
                if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    s.execute("ALTER ROLE " + Sql.identifier(role) + " WITH LOGIN PASSWORD " + Sql.literal(password));
                } else {
                    s.execute("CREATE ROLE " + Sql.identifier(role) + " WITH LOGIN PASSWORD " + Sql.literal(password));
                }
                if (!superuser) {
                    // CREATE SCHEMA ... AUTHORIZATION needs the creating account to be a member of the owner role
                    s.execute("GRANT " + Sql.identifier(role) + " TO CURRENT_USER");
                }
                s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + Sql.identifier(database) + " TO " + Sql.identifier(role));
                String owner = schemaOwner(c, schema);
                if (owner == null) {
                    s.execute("CREATE SCHEMA " + Sql.identifier(schema) + " AUTHORIZATION " + Sql.identifier(role));
                } else if (!owner.equals(role)) {
                    out.println("WARNING: schema " + schema + " belonged to " + owner + "; it now belongs to " + role
                            + " (tables inside keep their owner)");
                    s.execute("ALTER SCHEMA " + Sql.identifier(schema) + " OWNER TO " + Sql.identifier(role));
                }
                s.execute("ALTER ROLE " + Sql.identifier(role) + " IN DATABASE " + Sql.identifier(database)
                        + " SET search_path TO " + Sql.identifier(schema));
                access.put(app.name(), new DatabaseAccess(server.jdbcUrl(database), role, password));
            }
        } catch (SQLException e) {
            throw new LauncherException("could not prepare roles and schemas in database " + database + " ("
                    + server.describe() + "): " + e.getMessage(), e);
        }
        return access;
    }

    /** {@code qutab_identity}: prefixed by the database, because roles are shared by the whole server. */
    static String roleName(String database, String schema) {
        return (database + "_" + schema).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private boolean createDatabaseIfMissing() {
        try (Connection c = connect(server.maintenanceJdbcUrl())) {
            if (exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + Sql.identifier(database) + " ENCODING 'UTF8'");
            }
            out.println("Created database " + database);
            return true;
        } catch (SQLException e) {
            throw new LauncherException("could not create database " + database + " (" + server.describe() + "): "
                    + e.getMessage(), e);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.adminUser());
        props.setProperty("password", server.adminPassword());
        props.setProperty("ApplicationName", "qutab-launcher");
        return DriverManager.getConnection(url, props);
    }

    private static boolean isSuperuser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String schemaOwner(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
