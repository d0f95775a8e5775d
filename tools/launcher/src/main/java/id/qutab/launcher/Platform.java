package id.qutab.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The whole Qutab backend on one machine: PostgreSQL, one role and schema per service, local secrets, every app
 * as its own JVM, readiness, and a clean stop. {@code ./qutab up} uses it through {@link Main}; the system tests
 * use it directly:
 *
 * <pre>{@code
 * try (Platform platform = Platform.start(Options.builder(repo).dataDir(tmp).freePorts().build())) {
 *     URI gateway = platform.gatewayUrl().orElseThrow();
 * }
 * }</pre>
 *
 * {@link #close()} may be called from any thread at any time (also while starting, from a shutdown hook): it stops
 * every app (SIGTERM, up to 10 s, then SIGKILL, descendants included), then the embedded PostgreSQL.
 */
public final class Platform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(90);
    private static final int TAIL_LINES = 40;

    private final Options options;
    private final PrintStream out;
    /** Held by the starting thread while it creates something that close() must see; never while waiting. */
    private final ReentrantLock startStep = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private DataDirectory data;
    private LeftoverProcesses leftovers;
    private DatabaseServer database;
    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private final List<RunningApp> running = new CopyOnWriteArrayList<>();
    private DatabaseAccess adminDatabase;
    private Map<String, DatabaseAccess> appDatabases = Map.of();
    private String adminPassword;
    private final CompletableFuture<ServiceProcess> unexpectedExit = new CompletableFuture<>();
    /** How each app was launched, so that {@link #restart(String)} starts it again exactly alike. */
    private final Map<String, Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();
    /** Processes stopped on purpose through {@link #kill(String)}: their exit is not an unexpected one. */
    private final java.util.Set<ServiceProcess> killedOnPurpose = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record Launch(AppDefinition app, List<String> command, Map<String, String> env) {
    }

    private Platform(Options options) {
        this.options = options;
        this.out = options.out();
    }

    /**
     * Starts everything and returns once every app is ready. On failure it prints the reason (with the end of the
     * failing app's log), stops everything it started, and throws.
     */
    public static Platform start(Options options) {
        Platform platform = prepare(options);
        platform.startUp();
        return platform;
    }

    /** A platform not started yet, so that a shutdown hook can hold it before {@link #startUp()} begins. */
    public static Platform prepare(Options options) {
        return new Platform(options);
    }

    /** Thrown by {@link #startUp()} when {@link #close()} interrupted the start. */
    public static final class StartCancelled extends LauncherException {
        StartCancelled() {
            super("start cancelled: the platform is stopping");
        }
    }

    public void startUp() {
        try {
            doStart();
        } catch (RuntimeException | Error e) {
            boolean stoppedFromOutside = closing; // Ctrl-C during the start: what failed then is a consequence
            if (!stoppedFromOutside) {
                out.println("ERROR: " + (e instanceof LauncherException ? e.getMessage() : e));
                out.flush();
            }
            close();
            if (stoppedFromOutside && e instanceof RuntimeException) {
                throw new StartCancelled();
            }
            throw e;
        }
    }

    private void doStart() {
        List<AppDefinition> apps = appsToRun();
        step(() -> {
            data = DataDirectory.lock(options.dataDir());
            out.println("Qutab: repository " + options.repoDir() + ", data " + data.root());
            leftovers = new LeftoverProcesses(data.runDir());
            leftovers.stopLeftovers(out);
        });
        requireFreePorts(apps);
        LocalSecrets secrets = new LocalSecrets(data.secrets());
        step(() -> database = options.databaseUrl()
                .<DatabaseServer>map(url -> new ExternalDatabase(url, options.databaseUser(), options.databasePassword()))
                .orElseGet(() -> EmbeddedDatabase.start(data.postgres(), options.postgresBinariesDir(), data.log("postgres"),
                        options.databasePort(), secrets, out)));
        out.println("PostgreSQL: " + database.describe() + ", database " + options.databaseName());
        step(() -> {
            appDatabases = new DatabaseProvisioner(database, options.databaseName(), secrets, out).provision(apps);
            adminDatabase = new DatabaseAccess(database.jdbcUrl(options.databaseName()), database.adminUser(),
                    database.adminPassword());
        });
        adminPassword = options.adminPassword().orElseGet(secrets::adminPassword);
        Map<String, Path> jars = new LinkedHashMap<>();
        step(() -> apps.forEach(app -> jars.put(app.name(),
                AppSnapshot.prepare(app.name(), app.jarPath(options.repoDir()), data.apps()))));
        LocalSecrets.JwtKeyFiles jwt = secrets.jwtKeys();
        Map<String, String> shared = sharedDefaults(apps, secrets, jwt);
        for (AppDefinition app : apps) {
            Map<String, String> defaults = new LinkedHashMap<>(shared);
            DatabaseAccess db = appDatabases.get(app.name());
            if (db != null) {
                defaults.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
                defaults.put("QUARKUS_DATASOURCE_USERNAME", db.user());
                defaults.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
            }
            Placeholders placeholders = placeholders(app, apps, secrets, jwt);
            app.env().forEach((name, template) -> defaults.put(name,
                    Templates.expand(template, placeholders, "app." + app.name() + ".env." + name)));
            Map<String, String> env = ChildEnvironment.build(options.environment(), defaults,
                    Map.of(app.portEnv(), Integer.toString(options.port(app.name()))));
            step(() -> launch(app, jars.get(app.name()), env));
        }
        awaitReadiness();
        processes.forEach(this::watchExit);
        printSummary();
    }

    /** The listed apps, minus optional ones whose module does not exist yet; fails on any missing jar. */
    private List<AppDefinition> appsToRun() {
        List<AppDefinition> apps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (AppDefinition app : options.apps()) {
            Path module = app.moduleDir(options.repoDir());
            if (app.optional() && !Files.isRegularFile(module.resolve("pom.xml"))) {
                out.println("WARNING: skipping " + app.name() + ": " + module + "/pom.xml does not exist yet"
                        + " (app." + app.name() + ".optional=true in the app list)");
                continue;
            }
            if (!Files.isRegularFile(app.jarPath(options.repoDir()))) {
                missing.add(app.jarPath(options.repoDir()).toString());
            }
            apps.add(app);
        }
        if (!missing.isEmpty()) {
            throw new LauncherException("not built: " + String.join(", ", missing)
                    + "\nbuild first: ./mvnw -B install -DskipTests (./qutab up does this when something is stale)");
        }
        if (apps.isEmpty()) {
            throw new LauncherException("the app list names no app to run");
        }
        return apps;
    }

    private void requireFreePorts(List<AppDefinition> apps) {
        List<String> busy = new ArrayList<>();
        for (AppDefinition app : apps) {
            int port = options.port(app.name());
            if (!Ports.isFree(port)) {
                busy.add(port + " (" + app.name() + ", " + app.portVariable() + ")");
            }
        }
        if (!busy.isEmpty()) {
            throw new LauncherException("port in use: " + String.join(", ", busy)
                    + "; stop what listens there (ss -ltnp) or choose other ports with those variables");
        }
    }

    /** What every app gets unless the environment already sets it. */
    private Map<String, String> sharedDefaults(List<AppDefinition> apps, LocalSecrets secrets, LocalSecrets.JwtKeyFiles jwt) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (AppDefinition app : apps) {
            app.urlVariable().ifPresent(variable -> defaults.put(variable, url(app).toString()));
            Placeholders placeholders = placeholders(app, apps, secrets, jwt);
            app.exports().forEach((name, template) -> defaults.put(name,
                    Templates.expand(template, placeholders, "app." + app.name() + ".export." + name)));
        }
        defaults.put("QUTAB_EVENTS_SECRET", secrets.eventsSecret());
        defaults.put("QUTAB_ADMIN_EMAIL", options.adminEmail());
        defaults.put("QUTAB_ADMIN_PASSWORD", adminPassword);
        defaults.put("QUTAB_DEMO_SEED", "true");
        // no mail server on a local run: mails are dropped unless the operator configures SMTP (QUARKUS_MAILER_*)
        defaults.put("QUARKUS_MAILER_MOCK", "true");
        return defaults;
    }

    private Placeholders placeholders(AppDefinition app, List<AppDefinition> apps, LocalSecrets secrets,
                                      LocalSecrets.JwtKeyFiles jwt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("url", url(app).toString());
        values.put("port", Integer.toString(options.port(app.name())));
        for (AppDefinition other : apps) {
            values.put("app." + other.name() + ".url", url(other).toString());
        }
        values.put("data.dir", data.root().toString());
        values.put("repo.dir", options.repoDir().toString());
        values.put("jwt.private-key", jwt.privateKey().toString());
        values.put("jwt.public-key", jwt.publicKey().toString());
        return new Placeholders(values, secrets);
    }

    private URI url(AppDefinition app) {
        return URI.create("http://localhost:" + options.port(app.name()));
    }

    private void watchExit(ServiceProcess p) {
        p.onExit().thenRun(() -> {
            if (!closing && !killedOnPurpose.contains(p)) {
                unexpectedExit.complete(p);
            }
        });
    }

    private void launch(AppDefinition app, Path jar, Map<String, String> env) {
        // the JVM itself is the child process (no shell, no wrapper): its pid is the one a SIGKILL must hit
        List<String> command = new ArrayList<>();
        command.add(options.javaCommand());
        // The app's memory and JIT settings: the very file the container images use (deploy/jvm/README.md).
        Path jvmArgs = app.jvmArgsPath(options.repoDir());
        if (!java.nio.file.Files.isRegularFile(jvmArgs)) {
            throw new LauncherException(app.name() + ": its JVM argument file " + jvmArgs + " does not exist");
        }
        command.add("@" + jvmArgs);
        if (options.appCds()) {
            command.add(AppCds.option(jar));
        }
        command.addAll(options.jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        launches.put(app.name(), new Launch(app, List.copyOf(command), Map.copyOf(env)));
        Path log = data.log(app.name());
        ServiceProcess process = ServiceProcess.start(app, options.port(app.name()), command, env,
                data.workDir(app.name()), log);
        processes.add(process);
        leftovers.record(app.name(), process.handle());
        out.printf("Starting %-10s on port %d (pid %d), log %s%n", app.name(), process.port(), process.pid(), log);
    }

    /** Waits for every app at once; the first that dies or times out fails the start, with the end of its log. */
    private void awaitReadiness() {
        out.println("Waiting until every app is ready (up to " + options.readyTimeout().toSeconds() + " s)...");
        long started = System.nanoTime();
        long deadline = started + options.readyTimeout().toNanos();
        AtomicBoolean failed = new AtomicBoolean();
        ReadinessWait wait = new ReadinessWait();
        ExecutorService pool = Executors.newFixedThreadPool(processes.size(), r -> {
            Thread t = new Thread(r, "qutab-readiness");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String>> results = new ArrayList<>();
            for (ServiceProcess p : processes) {
                results.add(pool.submit(() -> {
                    URI health = url(p.app()).resolve(p.app().healthPath());
                    ReadinessWait.Outcome outcome = wait.await(p, health, deadline, () -> closing || failed.get());
                    Duration after = Duration.ofNanos(System.nanoTime() - started);
                    switch (outcome) {
                        case READY -> {
                            running.add(new RunningApp(p.name(), url(p.app()), health,
                                    p.app().openapiPath().map(path -> url(p.app()).resolve(path)), p.port(), p.pid(),
                                    p.log(), p.app().entrypoint(), after));
                            out.printf("  %-10s ready after %.1f s%n", p.name(), after.toMillis() / 1000.0);
                            return null;
                        }
                        case DIED -> {
                            failed.set(true);
                            return p.name() + " exited with code " + p.exitCode() + " before it was ready; "
                                    + p.log() + " ends with:\n" + p.tail(TAIL_LINES);
                        }
                        case TIMED_OUT -> {
                            failed.set(true);
                            return p.name() + " was not ready after " + options.readyTimeout().toSeconds() + " s ("
                                    + health + ", QUTAB_READY_TIMEOUT); " + p.log() + " ends with:\n" + p.tail(TAIL_LINES);
                        }
                        default -> {
                            return "";
                        }
                    }
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> result : results) {
                String failure = result.get();
                if (failure != null && !failure.isEmpty()) {
                    failures.add(failure);
                }
            }
            if (!failures.isEmpty()) {
                throw new LauncherException(String.join("\n", failures));
            }
            if (closing) {
                throw new StartCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartCancelled();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new LauncherException("readiness check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<RunningApp> ordered = new ArrayList<>();
        for (ServiceProcess p : processes) {
            running.stream().filter(r -> r.name().equals(p.name())).findFirst().ifPresent(ordered::add);
        }
        running.clear();
        running.addAll(ordered);
        writeReadyTimes();
    }

    /** {@code <data>/run/ready}: "app seconds" per line, start to ready, for bench/platform.sh. */
    private void writeReadyTimes() {
        StringBuilder lines = new StringBuilder();
        for (RunningApp app : running) {
            lines.append(app.name()).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", app.readyAfter().toMillis() / 1000.0)).append('\n');
        }
        try {
            java.nio.file.Files.writeString(data.runDir().resolve("ready"), lines);
        } catch (java.io.IOException e) {
            out.println("WARNING: could not write " + data.runDir().resolve("ready") + ": " + e.getMessage());
        }
    }

    private void printSummary() {
        out.println();
        out.println("Apps:");
        for (RunningApp app : running) {
            out.printf("  %-10s %s%s%n", app.name(), app.url(),
                    app.openapiUrl().map(u -> "   OpenAPI " + u).orElse(app.entrypoint() ? "   (entry point)" : ""));
        }
        out.println("Database:  " + adminDatabase.jdbcUrl() + " (each app logs in as its own role "
                + options.databaseName() + "_<schema>; passwords in "
                + data.secrets() + ")");
        out.println("Admin:     " + options.adminEmail() + " / " + adminPassword);
        // the admin console is served through the gateway; these are the credentials to sign in with
        gatewayUrl().filter(g -> running.stream().anyMatch(a -> a.name().equals(CONSOLE_APP)))
                .ifPresent(g -> out.println(consoleLine(g)));
        out.println("Logs:");
        for (RunningApp app : running) {
            out.printf("  %-10s %s%n", app.name(), app.log());
        }
        if (database.listenPort().isPresent()) {
            out.printf("  %-10s %s%n", "postgres", data.log("postgres"));
        }
        out.println("Stop with Ctrl-C.");
        Optional<URI> gateway = gatewayUrl();
        if (gateway.isPresent()) {
            out.println("Qutab is up at " + gateway.get());
        } else {
            out.println("Qutab services are up, without an entry point (no gateway in this run).");
        }
        out.flush();
    }

    /** The app of qutab-apps.properties that serves the admin console at the gateway's /admin/. */
    static final String CONSOLE_APP = "console";

    /** The summary line that tells where the admin console is, next to the admin's credentials. */
    static String consoleLine(URI gateway) {
        return "Console:   " + gateway.resolve("/admin/") + "  (log in as the admin above)";
    }

    /** Runs one start step under the lock close() takes, so close() never misses what a step creates. */
    private void step(Runnable action) {
        startStep.lock();
        try {
            if (closing) {
                throw new StartCancelled();
            }
            action.run();
        } finally {
            startStep.unlock();
        }
    }

    /**
     * Kills one app with SIGKILL (no shutdown hook, no graceful stop: a crash, a power cut of that machine, the OOM
     * killer) and waits until it is gone. Its exit does not count as {@link #unexpectedExit()}. The app is no longer
     * in {@link #apps()} until {@link #restart(String)}. Returns the pid that was killed.
     */
    public long kill(String name) {
        startStep.lock();
        try {
            if (closing) {
                throw new LauncherException("the platform is stopping");
            }
            ServiceProcess p = current(name);
            killedOnPurpose.add(p);
            p.kill();
            if (!p.awaitExit(Duration.ofSeconds(10))) {
                throw new LauncherException(name + " (pid " + p.pid() + ") is still alive after SIGKILL");
            }
            running.removeIf(r -> r.name().equals(name));
            out.printf("Killed %-10s (pid %d) with SIGKILL%n", name, p.pid());
            return p.pid();
        } finally {
            startStep.unlock();
        }
    }

    /**
     * Starts one app again, exactly as it was first started (same command, environment, port, data directory; its
     * log continues), after {@link #kill(String)} or after it died, and waits until it is ready. A running app is
     * first stopped gracefully. Returns the new app.
     */
    public RunningApp restart(String name) {
        ServiceProcess replaced;
        ServiceProcess fresh;
        Launch launch = launches.get(name);
        if (launch == null) {
            throw new IllegalArgumentException("no app " + name + " was started by this platform");
        }
        startStep.lock();
        try {
            if (closing) {
                throw new LauncherException("the platform is stopping");
            }
            replaced = current(name);
            killedOnPurpose.add(replaced);
            if (replaced.isAlive()) {
                replaced.requestStop();
                if (!replaced.awaitExit(STOP_GRACE)) {
                    replaced.kill();
                    replaced.awaitExit(Duration.ofSeconds(5));
                }
            }
            running.removeIf(r -> r.name().equals(name));
            awaitPortFree(launch.app(), options.port(name));
            fresh = ServiceProcess.start(launch.app(), options.port(name), launch.command(), launch.env(),
                    data.workDir(name), data.log(name), false);
            processes.set(processes.indexOf(replaced), fresh);
            leftovers.record(name, fresh.handle());
            out.printf("Restarting %-10s on port %d (pid %d)%n", name, fresh.port(), fresh.pid());
        } finally {
            startStep.unlock();
        }
        long started = System.nanoTime();
        URI health = url(launch.app()).resolve(launch.app().healthPath());
        ReadinessWait.Outcome outcome = new ReadinessWait().await(fresh, health,
                started + options.readyTimeout().toNanos(), () -> closing);
        Duration after = Duration.ofNanos(System.nanoTime() - started);
        switch (outcome) {
            case READY -> {
            }
            case DIED -> throw new LauncherException(name + " exited with code " + fresh.exitCode()
                    + " after its restart; " + fresh.log() + " ends with:\n" + fresh.tail(TAIL_LINES));
            case TIMED_OUT -> throw new LauncherException(name + " was not ready " + options.readyTimeout().toSeconds()
                    + " s after its restart; " + fresh.log() + " ends with:\n" + fresh.tail(TAIL_LINES));
            default -> throw new StartCancelled();
        }
        RunningApp app = new RunningApp(name, url(launch.app()), health,
                launch.app().openapiPath().map(path -> url(launch.app()).resolve(path)), fresh.port(), fresh.pid(),
                fresh.log(), launch.app().entrypoint(), after);
        watchExit(fresh);
        // keep apps() in start order
        List<RunningApp> ordered = new ArrayList<>();
        for (ServiceProcess p : processes) {
            if (p == fresh) {
                ordered.add(app);
            } else {
                running.stream().filter(r -> r.name().equals(p.name())).findFirst().ifPresent(ordered::add);
            }
        }
        running.clear();
        running.addAll(ordered);
        out.printf("  %-10s ready again after %.1f s%n", name, after.toMillis() / 1000.0);
        return app;
    }

    private ServiceProcess current(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("no app " + name + " was started by this platform"));
    }

    /** A killed server's port is free at once (the kernel closes its sockets); wait briefly in case it is not. */
    private static void awaitPortFree(AppDefinition app, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Ports.isFree(port)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new LauncherException("port " + port + " of " + app.name() + " is still in use");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartCancelled();
            }
        }
    }

    /** The public entry point (the gateway), when it runs. */
    public Optional<URI> gatewayUrl() {
        return running.stream().filter(RunningApp::entrypoint).map(RunningApp::url).findFirst();
    }

    /** The apps that are up, in start order. */
    public List<RunningApp> apps() {
        return List.copyOf(running);
    }

    public Optional<RunningApp> app(String name) {
        return running.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The administrative account on the platform's database (a superuser for the embedded PostgreSQL). */
    public DatabaseAccess adminDatabase() {
        return adminDatabase;
    }

    /** The role an app connects with, for apps that own a schema. */
    public Optional<DatabaseAccess> database(String app) {
        return Optional.ofNullable(appDatabases.get(app));
    }

    public String adminEmail() {
        return options.adminEmail();
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** Every process the platform is responsible for right now: the apps, their descendants, the embedded PostgreSQL. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        processes.forEach(p -> all.addAll(p.processTree()));
        if (database != null) {
            all.addAll(database.processes());
        }
        return all;
    }

    /** Every port the platform listens on: the apps' and the embedded PostgreSQL's. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        running.forEach(a -> ports.add(a.port()));
        if (database != null) {
            database.listenPort().ifPresent(ports::add);
        }
        return ports;
    }

    /** Completes when an app exits while the platform is not stopping. */
    public CompletableFuture<ServiceProcess> unexpectedExit() {
        return unexpectedExit;
    }

    public boolean isClosing() {
        return closing;
    }

    /** Stops every app, then the embedded PostgreSQL, then releases the data directory. Idempotent, thread-safe. */
    @Override
    public void close() {
        closing = true;
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        startStep.lock();
        try {
            boolean started = !processes.isEmpty() || database != null;
            if (started) {
                out.println("Stopping Qutab...");
            }
            stopApps();
            if (leftovers != null) {
                leftovers.clear();
            }
            if (database != null) {
                database.close();
            }
            if (data != null) {
                data.close();
            }
            if (started) {
                out.println("Qutab stopped.");
            }
            out.flush();
        } finally {
            startStep.unlock();
        }
    }

    private void stopApps() {
        List<ServiceProcess> alive = processes.stream().filter(ServiceProcess::isAlive).toList();
        processes.forEach(ServiceProcess::requestStop);
        // A run that records its AppCDS archives (the first after a build) writes them while exiting: eight JVMs
        // took over 10 s on two busy cores, and a JVM killed while writing leaves no archive.
        boolean recording = launches.values().stream()
                .anyMatch(l -> l.command().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")));
        Duration grace = recording ? RECORDING_GRACE : STOP_GRACE;
        if (recording && !alive.isEmpty()) {
            out.println("  writing each app's class-data archive (once per build; up to " + grace.toSeconds() + " s)...");
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ServiceProcess p : processes) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!p.awaitExit(left)) {
                out.println("  " + p.name() + " did not stop within " + grace.toSeconds() + " s; killing it");
                p.kill();
            }
        }
        for (ServiceProcess p : processes) {
            if (!p.awaitExit(Duration.ofSeconds(5))) {
                out.println("  WARNING: " + p.name() + " (pid " + p.pid() + ") is still alive after SIGKILL");
            }
        }
        if (!alive.isEmpty()) {
            out.println("  stopped " + alive.stream().map(ServiceProcess::name).toList());
        }
    }
}
