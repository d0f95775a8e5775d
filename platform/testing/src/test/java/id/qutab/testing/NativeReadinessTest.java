package id.qutab.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NativeReadiness finds each broken rule in the fixtures (id.qutab.testing.nativefixtures) and nothing else. */
class NativeReadinessTest {

    private static final Path FIXTURES = Path.of("target", "test-classes", "id", "qutab", "testing", "nativefixtures");
    private static final String PREFIX = "id.qutab.testing.nativefixtures.Fixtures$";

    @Test
    void findsEveryBuildTimeRandomClockAndUnregisteredType() {
        List<String> problems = NativeReadiness.problems(FIXTURES);

        assertTrue(has(problems, PREFIX + "BadFrozenRandom (class initialiser): static field RANDOM of type"
                + " java.security.SecureRandom"), problems::toString);
        assertTrue(has(problems, PREFIX + "BadFrozenRandom (class initialiser): calls java.security.SecureRandom.<init>"),
                problems::toString);
        assertTrue(has(problems, PREFIX + "BadBuildTimeClock (started, called by the class initialiser): calls"
                + " java.time.Instant.now"), problems::toString);
        assertTrue(has(problems, PREFIX + "BadReadInto is read or written reflectively by " + PREFIX
                + "Uses.read (readValue into it)"), problems::toString);
        assertTrue(has(problems, PREFIX + "BadNested is read or written reflectively by a field of " + PREFIX
                + "GoodWrittenButHoldsBad"), problems::toString);
        assertTrue(has(problems, PREFIX + "BadOutboxPayload is read or written reflectively by " + PREFIX
                + "Uses.publish (record of it)"), problems::toString);
        assertTrue(has(problems, PREFIX + "BadReadAsList is read or written reflectively by " + PREFIX
                + "Uses$1 (a Jackson TypeReference)"), problems::toString);
        assertTrue(has(problems, PREFIX + "BadStaticAwtColor (class initialiser): calls java.awt.Color.<init>"),
                problems::toString);
        assertTrue(has(problems, PREFIX + "BadLocale.day uses the locale id-ID, which quarkus.locales"),
                problems::toString);
        // and nothing about the Good ones (nor about en-GB: English is always in the image)
        assertEquals(9, problems.size(), problems::toString);
    }

    /** The platform library is compiled into every service's native image: the same rules hold for it. */
    @Test
    void thePlatformLibraryIsNativeReady() {
        NativeReadiness.assertNativeReady(Path.of("..", "core", "target", "classes"));
    }

    private static boolean has(List<String> problems, String start) {
        return problems.stream().anyMatch(p -> p.startsWith(start));
    }
}
