package id.qutab.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Runs each app from a copy of its build output in {@code <data>/apps/<name>}, not from {@code target/}: a
 * {@code ./mvnw install} while the platform runs rewrites {@code target/quarkus-app}, and a JVM that loads its
 * classes lazily from jars replaced under it hangs or fails in odd ways. The copy is refreshed only when the build
 * output changed (same relative paths, sizes and modification times: reused). For the Quarkus fast-jar layout the
 * whole {@code quarkus-app} directory is copied; for any other jar, the jar and what its manifest
 * {@code Class-Path} names (e.g. {@code lib/*.jar} beside it).
 */
final class AppSnapshot {

    private static final String STAMP = ".qutab-build-stamp";

    private AppSnapshot() {
    }

    /** The jar to run: the copy of {@code jar} under {@code appsDir/name}, made or refreshed if needed. */
    static Path prepare(String name, Path jar, Path appsDir) {
        Path source = jar.getParent();
        Path target = appsDir.resolve(name);
        Path runJar = target.resolve(jar.getFileName());
        try {
            Files.createDirectories(appsDir);
            List<Path> files = filesToCopy(jar);
            String stamp = fingerprint(source, files);
            Path stampFile = target.resolve(STAMP);
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                    && Files.isRegularFile(runJar)) {
                return runJar;
            }
            Path fresh = Files.createTempDirectory(appsDir, "." + name + "-");
            for (Path file : files) {
                Path dest = fresh.resolve(source.relativize(file).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
            }
            if (!fingerprint(source, filesToCopy(jar)).equals(stamp)) {
                deleteTree(fresh);
                throw new LauncherException(source + " changed while it was being copied: is a build running? "
                        + "Start again when it is done.");
            }
            Files.writeString(fresh.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            deleteTree(target);
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return runJar;
        } catch (NoSuchFileException e) {
            throw new LauncherException("could not copy the build of " + name + ": " + e.getFile()
                    + " disappeared while copying; is a build running? Start again when it is done.", e);
        } catch (IOException | UncheckedIOException e) {
            throw new LauncherException("could not copy the build of " + name + " (" + source + ") to " + target + ": "
                    + e, e);
        }
    }

    /** Every file of a quarkus-app directory; else the jar and the existing files its manifest Class-Path names. */
    private static List<Path> filesToCopy(Path jar) throws IOException {
        Path dir = jar.getParent();
        if (dir.getFileName().toString().equals("quarkus-app")) {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile).sorted().toList();
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(jar);
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    Path file = dir.resolve(entry).normalize();
                    if (!entry.isEmpty() && file.startsWith(dir) && Files.isRegularFile(file)) {
                        files.add(file);
                    }
                }
            }
        }
        return files;
    }

    /** Relative path, size and modification time of every file: cheap, and changed by every rebuild. */
    private static String fingerprint(Path dir, List<Path> files) throws IOException {
        MessageDigest digest = sha256();
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            digest.update((dir.relativize(file) + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis()
                    + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
