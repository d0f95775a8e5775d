package id.qutab.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a start needs. {@link #fromEnvironment(Map)} reads the launcher's variables (see {@link #help});
 * {@link #builder(Path)} is for code (the system tests): explicit settings win over the environment.
 */
public final class Options {

    /** None: each app's settings are in its argument file (deploy/jvm/*.args); these come after it and win. */
    public static final String DEFAULT_JVM_OPTIONS = "";
    public static final int DEFAULT_DB_PORT = 15432;
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);
    public static final String DEFAULT_ADMIN_EMAIL = "admin@qutab.local";

    /** The variables the launcher itself reads, for {@code help}; the port variables come from the app list. */
    public static String help(List<AppDefinition> apps) {
        StringBuilder ports = new StringBuilder();
        for (AppDefinition app : apps) {
            ports.append(String.format("  %-21s port of %-36s default %d%n", app.portVariable(), app.name(), app.defaultPort()));
        }
        return String.join("\n",
                "  QUTAB_DATA_DIR        data directory (embedded DB, secrets, logs)   default <repo>/.qutab-data",
                "  QUTAB_REPO_DIR        repository root (where the module jars are)   default: found from the launcher jar",
                "  QUTAB_DB_URL          use this PostgreSQL instead of the embedded one, e.g. jdbc:postgresql://host:5432/postgres",
                "  QUTAB_DB_USER         its account (may create roles, schemas and the database)   default postgres",
                "  QUTAB_DB_PASSWORD     its password",
                "  QUTAB_DB_PORT         port of the embedded PostgreSQL                default " + DEFAULT_DB_PORT,
                "  QUTAB_DB_NAME         database holding every schema                  default qutab",
                ports.toString().stripTrailing(),
                "  QUTAB_JVM_OPTS        more JVM options for every app, after its deploy/jvm/*.args (they win)",
                "  QUTAB_APPCDS          true: a class-data-sharing archive per app (AppCDS)  default false",
                "  QUTAB_READY_TIMEOUT   seconds to wait for every app to be ready     default " + DEFAULT_READY_TIMEOUT.toSeconds(),
                "  QUTAB_ADMIN_EMAIL     admin account ensured by identity              default " + DEFAULT_ADMIN_EMAIL,
                "  QUTAB_ADMIN_PASSWORD  its password                                   default: generated once, kept in <data>/secrets",
                "  QUTAB_APPS_FILE       app list to use instead of the bundled qutab-apps.properties",
                "Every other variable (QUTAB_*, QUARKUS_*, ...) is passed on to every app and wins over the launcher's",
                "defaults (database credentials, secrets, service URLs, QUTAB_DEMO_SEED=true). Each app's own port variable",
                "(QUARKUS_HTTP_PORT for the Quarkus apps) is set per process from the port variables above.");
    }

    private final Path repoDir;
    private final Path dataDir;
    private final Path postgresBinariesDir;
    private final List<AppDefinition> apps;
    private final Map<String, Integer> ports;
    private final int databasePort;
    private final Optional<String> databaseUrl;
    private final String databaseUser;
    private final String databasePassword;
    private final String databaseName;
    private final List<String> jvmOptions;
    private final boolean appCds;
    private final Duration readyTimeout;
    private final String adminEmail;
    private final Optional<String> adminPassword;
    private final Map<String, String> environment;
    private final String javaCommand;
    private final PrintStream out;

    private Options(Builder b) {
        Map<String, String> env = b.environment;
        this.repoDir = b.repoDir.toAbsolutePath().normalize();
        this.dataDir = Optional.ofNullable(b.dataDir).or(() -> value(env, "QUTAB_DATA_DIR").map(Path::of))
                .orElse(repoDir.resolve(".qutab-data")).toAbsolutePath().normalize();
        this.postgresBinariesDir = Optional.ofNullable(b.postgresBinariesDir).orElse(dataDir.resolve("postgres-bin"))
                .toAbsolutePath().normalize();
        this.apps = Optional.ofNullable(b.apps)
                .or(() -> value(env, "QUTAB_APPS_FILE").map(f -> AppCatalog.fromFile(Path.of(f))))
                .orElseGet(AppCatalog::bundled);
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (AppDefinition app : apps) {
            Integer port = b.ports.get(app.name());
            chosen.put(app.name(), port != null ? port : intValue(env, app.portVariable(), app.defaultPort()));
        }
        this.ports = Map.copyOf(chosen);
        this.databasePort = b.databasePort != null ? b.databasePort : intValue(env, "QUTAB_DB_PORT", DEFAULT_DB_PORT);
        this.databaseUrl = b.embeddedDatabase ? Optional.empty() : value(env, "QUTAB_DB_URL");
        this.databaseUser = value(env, "QUTAB_DB_USER").orElse(null);
        this.databasePassword = value(env, "QUTAB_DB_PASSWORD").orElse(null);
        this.databaseName = Optional.ofNullable(b.databaseName).or(() -> value(env, "QUTAB_DB_NAME")).orElse("qutab");
        if (!databaseName.matches("[a-z][a-z0-9_]*")) {
            throw new LauncherException("QUTAB_DB_NAME must be lower-case letters, digits and '_': " + databaseName);
        }
        this.appCds = value(env, "QUTAB_APPCDS").map(v -> v.equalsIgnoreCase("true")).orElse(false);
        this.jvmOptions = Optional.ofNullable(b.jvmOptions)
                .orElseGet(() -> split(value(env, "QUTAB_JVM_OPTS").orElse(DEFAULT_JVM_OPTIONS)));
        this.readyTimeout = Optional.ofNullable(b.readyTimeout)
                .orElseGet(() -> Duration.ofSeconds(intValue(env, "QUTAB_READY_TIMEOUT", (int) DEFAULT_READY_TIMEOUT.toSeconds())));
        this.adminEmail = value(env, "QUTAB_ADMIN_EMAIL").orElse(DEFAULT_ADMIN_EMAIL);
        this.adminPassword = value(env, "QUTAB_ADMIN_PASSWORD");
        this.environment = Map.copyOf(env);
        this.javaCommand = Optional.ofNullable(b.javaCommand)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.out = b.out;
        long distinct = ports.values().stream().distinct().count();
        if (distinct != ports.size() || ports.containsValue(databasePort) && databaseUrl.isEmpty()) {
            throw new LauncherException("two apps (or an app and PostgreSQL) would share a port: " + ports
                    + ", PostgreSQL " + databasePort);
        }
    }

    /** Options for {@code ./qutab up}: everything from the environment. */
    public static Options fromEnvironment(Map<String, String> env) {
        Path repo = value(env, "QUTAB_REPO_DIR").map(Path::of).orElseGet(RepoLocator::locate);
        return builder(repo).environment(env).build();
    }

    public static Builder builder(Path repoDir) {
        return new Builder(repoDir);
    }

    static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n <= 0 || n > 65535 && name.endsWith("_PORT")) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new LauncherException(name + " must be a positive number (a port: 1-65535), not `" + v.get() + "`");
        }
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    public Path repoDir() {
        return repoDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path postgresBinariesDir() {
        return postgresBinariesDir;
    }

    public List<AppDefinition> apps() {
        return apps;
    }

    public int port(String app) {
        Integer port = ports.get(app);
        if (port == null) {
            throw new IllegalArgumentException("no app " + app);
        }
        return port;
    }

    public int databasePort() {
        return databasePort;
    }

    public Optional<String> databaseUrl() {
        return databaseUrl;
    }

    public String databaseUser() {
        return databaseUser;
    }

    public String databasePassword() {
        return databasePassword;
    }

    public String databaseName() {
        return databaseName;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * Whether each app runs with a class-data-sharing archive of its own classes (AppCDS, QUTAB_APPCDS=true). Off by
     * default: the run that records the archives writes them while stopping, which took over 90 s for eight JVMs on
     * two busy cores (bench/footprint.md).
     */
    public boolean appCds() {
        return appCds;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    /** What every app inherits. */
    public Map<String, String> environment() {
        return environment;
    }

    public String javaCommand() {
        return javaCommand;
    }

    public PrintStream out() {
        return out;
    }

    public static final class Builder {
        private final Path repoDir;
        private Path dataDir;
        private Path postgresBinariesDir;
        private List<AppDefinition> apps;
        private final Map<String, Integer> ports = new HashMap<>();
        private boolean freePorts;
        private Integer databasePort;
        private boolean embeddedDatabase;
        private String databaseName;
        private List<String> jvmOptions;
        private Duration readyTimeout;
        private Map<String, String> environment = new HashMap<>(System.getenv());
        private String javaCommand;
        private PrintStream out = System.out;

        private Builder(Path repoDir) {
            this.repoDir = repoDir;
        }

        /** The environment to read settings from and to pass on to every app (default: this JVM's). */
        public Builder environment(Map<String, String> env) {
            this.environment = new HashMap<>(env);
            return this;
        }

        /** One more variable for every app (wins over the launcher's defaults, like any given variable). */
        public Builder env(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Where the PostgreSQL binaries are unpacked (default {@code <data>/postgres-bin}); tests share one. */
        public Builder postgresBinariesDir(Path dir) {
            this.postgresBinariesDir = dir;
            return this;
        }

        public Builder apps(List<AppDefinition> apps) {
            this.apps = List.copyOf(apps);
            return this;
        }

        public Builder port(String app, int port) {
            this.ports.put(app, port);
            return this;
        }

        /** Every app and the embedded PostgreSQL on a port that is free now, so a test never meets a running launcher. */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        public Builder databasePort(int port) {
            this.databasePort = port;
            return this;
        }

        /** Ignore {@code QUTAB_DB_URL}: always run the embedded PostgreSQL. */
        public Builder embeddedDatabase() {
            this.embeddedDatabase = true;
            return this;
        }

        public Builder databaseName(String name) {
            this.databaseName = name;
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public Builder javaCommand(String java) {
            this.javaCommand = java;
            return this;
        }

        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        public Options build() {
            if (freePorts) {
                List<AppDefinition> list = apps != null ? apps : value(environment, "QUTAB_APPS_FILE")
                        .map(f -> AppCatalog.fromFile(Path.of(f))).orElseGet(AppCatalog::bundled);
                apps = list;
                for (AppDefinition app : list) {
                    ports.putIfAbsent(app.name(), Ports.freePort());
                }
                if (databasePort == null) {
                    databasePort = Ports.freePort();
                }
            }
            if (!Files.isDirectory(repoDir)) {
                throw new LauncherException("repository directory " + repoDir + " does not exist");
            }
            return new Options(this);
        }
    }
}
