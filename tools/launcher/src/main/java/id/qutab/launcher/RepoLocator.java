package id.qutab.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository root: upwards from the launcher jar (tools/launcher/target/...), else from the working directory. */
final class RepoLocator {

    private RepoLocator() {
    }

    static Path locate() {
        return fromCodeSource().or(() -> upwardsFrom(Path.of("").toAbsolutePath()))
                .orElse(Path.of("").toAbsolutePath());
    }

    private static Optional<Path> fromCodeSource() {
        try {
            var source = RepoLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : upwardsFrom(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> upwardsFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The root holds the Maven wrapper and the parent pom (qutab-parent, not as a {@code <parent>} reference). */
    private static boolean isRepoRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !Files.exists(dir.resolve("mvnw"))) {
            return false;
        }
        try {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            return text.contains("<artifactId>qutab-parent</artifactId>") && text.contains("<modules>");
        } catch (IOException e) {
            return false;
        }
    }
}
