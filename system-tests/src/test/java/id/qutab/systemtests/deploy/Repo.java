package id.qutab.systemtests.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout under test and the few file and process helpers the deploy checks share. */
final class Repo {

    static final Path DIR = Path.of(System.getProperty("qutab.repo.dir", "..")).toAbsolutePath().normalize();

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repo() {
    }

    /** Every Maven module of the reactor, as paths relative to the root (platform/core, tools/launcher, ...). */
    static List<String> modules() {
        List<String> out = new ArrayList<>();
        collectModules(DIR, "", out);
        return out;
    }

    private static void collectModules(Path dir, String prefix, List<String> out) {
        Matcher m = MODULE.matcher(read(dir.resolve("pom.xml")));
        while (m.find()) {
            String module = prefix + m.group(1).trim();
            out.add(module);
            if (Files.isRegularFile(DIR.resolve(module).resolve("pom.xml"))) {
                collectModules(DIR.resolve(module), module + "/", out);
            }
        }
    }

    /** A module that is a Quarkus application (packaged as target/quarkus-app), not a library or a plain tool. */
    static boolean isQuarkusApp(String module) {
        Path pom = DIR.resolve(module).resolve("pom.xml");
        return Files.isRegularFile(pom) && read(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree (the manifests, to render them with throwaway secrets or to break them on purpose). */
    static void copyTree(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a finished command said. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a real tool (docker-compose, kubectl, bash) with a time limit; stdout and stderr kept apart. */
    static Result run(Path workDir, List<String> command, java.util.Map<String, String> env, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("qutab-cmd-", ".out");
            Path err = Files.createTempFile("qutab-cmd-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0) + " (is it installed? .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
