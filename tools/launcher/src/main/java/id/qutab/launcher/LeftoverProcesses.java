package id.qutab.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remembers (in {@code <data>/run/processes}) every process the launcher starts, so that when a launcher was
 * killed without its shutdown hook (SIGKILL, power loss of the terminal), the next one stops the orphans before
 * it needs their ports. A pid is only trusted together with the process start time recorded with it.
 */
final class LeftoverProcesses {

    private final Path file;

    LeftoverProcesses(Path runDir) {
        this.file = runDir.resolve("processes");
    }

    synchronized void record(String name, ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        String line = name + " " + process.pid() + " " + started + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LauncherException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // stale entries are verified by start time before anything is stopped
        }
    }

    /** Stops the processes a previous launcher on this data directory left running. */
    synchronized void stopLeftovers(PrintStream out) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException("could not read " + file + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 3) {
                continue;
            }
            long pid;
            long started;
            try {
                pid = Long.parseLong(parts[1]);
                started = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
            if (handle.isPresent()) {
                out.println("Stopping " + parts[0] + " (pid " + pid + ") left running by a launcher that did not shut down");
                stop(handle.get(), Duration.ofSeconds(10));
            }
        }
        clear();
    }

    static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(0, process);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            if (!Processes.awaitExit(h, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                h.destroyForcibly();
                Processes.awaitExit(h, Duration.ofSeconds(5));
            }
        }
    }
}
