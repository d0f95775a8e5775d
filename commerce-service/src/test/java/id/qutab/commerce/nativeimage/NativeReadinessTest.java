package id.qutab.commerce.nativeimage;

import id.qutab.testing.NativeReadiness;
import org.junit.jupiter.api.Test;

/** What a native image needs and the JVM tests cannot see (deploy/README.md, "Native images"). */
class NativeReadinessTest {

    @Test
    void classInitialisersMakeNothingAtBuildTimeAndReflectionIsRegistered() {
        NativeReadiness.assertNativeReady();
    }
}
