package id.qutab.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment of one app process. The rule: the app inherits the launcher's environment; the launcher's own
 * defaults are added only where the variable is not set (a blank value counts as not set), so whatever the
 * operator exports reaches every app and wins. Only what must differ per process (its HTTP port) is forced.
 */
final class ChildEnvironment {

    private ChildEnvironment() {
    }

    static Map<String, String> build(Map<String, String> inherited, Map<String, String> defaults, Map<String, String> forced) {
        Map<String, String> env = new HashMap<>(inherited);
        defaults.forEach((name, value) -> {
            String given = env.get(name);
            if (given == null || given.isBlank()) {
                env.put(name, value);
            }
        });
        env.putAll(forced);
        return env;
    }

    static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
