package id.qutab.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppCdsTest {

    @TempDir
    Path snapshot;

    /**
     * The first run records the archive next to the jar, the next one maps it: with -Xshare:on a JVM refuses to
     * start when the archive is unusable, so exit code 0 proves the recorded archive is one the JVM accepts.
     */
    @Test
    void theFirstRunRecordsTheArchiveAndTheNextRunUsesIt() throws Exception {
        Path jar = snapshot.resolve("quarkus-run.jar");
        String first = AppCds.option(jar);
        assertEquals("-XX:ArchiveClassesAtExit=" + snapshot.resolve("app.jsa"), first);
        assertEquals(0, java(List.of(first, "-version")));
        assertTrue(Files.size(snapshot.resolve("app.jsa")) > 0, "recorded at exit");

        String next = AppCds.option(jar);
        assertEquals("-XX:SharedArchiveFile=" + snapshot.resolve("app.jsa"), next);
        assertEquals(0, java(List.of(next, "-Xshare:on", "-version")));
    }

    @Test
    void onlyWhenAskedFor() {
        assertFalse(Options.builder(snapshot).environment(Map.of()).build().appCds());
        assertFalse(Options.builder(snapshot).environment(Map.of("QUTAB_APPCDS", "false")).build().appCds());
        assertTrue(Options.builder(snapshot).environment(Map.of("QUTAB_APPCDS", "true")).build().appCds());
    }

    private static int java(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
