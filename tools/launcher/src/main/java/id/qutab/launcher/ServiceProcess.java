package id.qutab.launcher;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** One app running as its own JVM, its stdout and stderr going to its log file. */
public final class ServiceProcess {

    private final AppDefinition app;
    private final int port;
    private final Path log;
    private final Process process;
    private final List<ProcessHandle> knownDescendants = new ArrayList<>();

    private ServiceProcess(AppDefinition app, int port, Path log, Process process) {
        this.app = app;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code command} in {@code workDir} with exactly {@code env}. The previous run's log is kept as
     * {@code <log>.1}.
     */
    static ServiceProcess start(AppDefinition app, int port, List<String> command, Map<String, String> env,
                                Path workDir, Path log) {
        return start(app, port, command, env, workDir, log, true);
    }

    /**
     * As above; {@code rotateLog = false} appends to the current log instead (a restart within one run keeps the
     * log of the process it replaces, so the log tells what happened before and after).
     */
    static ServiceProcess start(AppDefinition app, int port, List<String> command, Map<String, String> env,
                                Path workDir, Path log, boolean rotateLog) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            if (rotateLog && Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            return new ServiceProcess(app, port, log, builder.start());
        } catch (IOException e) {
            throw new LauncherException("could not start " + app.name() + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    public AppDefinition app() {
        return app;
    }

    public String name() {
        return app.name();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The process and every descendant seen so far (a descendant whose parent died is no longer findable). */
    public synchronized List<ProcessHandle> processTree() {
        rememberDescendants();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        all.addAll(knownDescendants);
        return all;
    }

    /** Asks the process (and its descendants) to stop: SIGTERM, Quarkus then shuts down gracefully. */
    public synchronized void requestStop() {
        rememberDescendants();
        process.destroy();
        knownDescendants.forEach(ProcessHandle::destroy);
    }

    /** Waits until the process and the descendants seen have exited. */
    public boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : processTree()) {
            if (!Processes.awaitExit(h, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** SIGKILL to whatever of the tree is still alive. */
    public synchronized void kill() {
        rememberDescendants();
        process.destroyForcibly();
        knownDescendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void rememberDescendants() {
        process.descendants().filter(h -> knownDescendants.stream().noneMatch(k -> k.pid() == h.pid()))
                .forEach(knownDescendants::add);
    }

    /** The last {@code lines} lines of the log, for a failure report. */
    public String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\r?\n")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return last.stream().map(l -> "    | " + l).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
