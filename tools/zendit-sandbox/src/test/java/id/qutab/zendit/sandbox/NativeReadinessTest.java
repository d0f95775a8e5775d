package id.qutab.zendit.sandbox;

import id.qutab.testing.NativeReadiness;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The sandbox runs on a JVM, but keeps the repository's rule for class initialisers (deploy/README.md). */
class NativeReadinessTest {

    @Test
    void classInitialisersMakeNoRandomClockOrKey() {
        NativeReadiness.assertNothingMadeAtBuildTime(Path.of("target", "classes"));
    }
}
