package id.qutab.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Application class-data sharing without a build step (JDK 17's dynamic archive), with QUTAB_APPCDS=true: an app's
 * first run records the classes it loaded into {@code app.jsa} next to its snapshot's jar when it exits normally (Ctrl-C / SIGTERM);
 * every later run maps that archive instead of parsing and verifying those classes again. Measured on commerce
 * (2 cores, load ≈ 10): ready after 3.0-4.5 s instead of 4.8-5.7 s (bench/footprint.md). Writing the archives
 * makes that first stop slow (over 90 s for the whole set at load 18), which is why it is not the default.
 *
 * <p>The archive lives in {@code <data>/apps/<app>/}, which {@link AppSnapshot} replaces whenever the build
 * changes, so a new build always records a new archive. A run killed with SIGKILL records nothing; an archive the
 * JVM cannot use (other JVM, other flags) is ignored by the JVM with a warning and the app starts without it.
 */
final class AppCds {

    static final String ARCHIVE = "app.jsa";

    private AppCds() {
    }

    /** The JVM option for this run of the app whose snapshot jar is {@code jar}: use the archive, or record it. */
    static String option(Path jar) {
        Path archive = jar.toAbsolutePath().getParent().resolve(ARCHIVE);
        return Files.isRegularFile(archive)
                ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive;
    }
}
