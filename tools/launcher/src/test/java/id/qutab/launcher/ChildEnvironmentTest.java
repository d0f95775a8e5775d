package id.qutab.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChildEnvironmentTest {

    @Test
    void givenVariablesWinOverDefaultsAndOnlyTheForcedOnesAreOverridden() {
        Map<String, String> env = ChildEnvironment.build(
                Map.of("QUTAB_EVENTS_SECRET", "from-operator", "QUTAB_ADMIN_EMAIL", " ", "QUARKUS_HTTP_PORT", "9999",
                        "PATH", "/bin"),
                Map.of("QUTAB_EVENTS_SECRET", "generated", "QUTAB_ADMIN_EMAIL", "admin@qutab.local",
                        "QUTAB_DEMO_SEED", "true"),
                Map.of("QUARKUS_HTTP_PORT", "8081"));
        assertEquals("from-operator", env.get("QUTAB_EVENTS_SECRET"));
        assertEquals("admin@qutab.local", env.get("QUTAB_ADMIN_EMAIL"), "a blank variable counts as not set");
        assertEquals("true", env.get("QUTAB_DEMO_SEED"));
        assertEquals("8081", env.get("QUARKUS_HTTP_PORT"), "a global port would collide: set per app");
        assertEquals("/bin", env.get("PATH"));
    }
}
