package id.qutab.platform.support;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a response body must never show a client: stack frames, exception names, SQL, driver messages. */
public final class NoInternals {

    private static final List<String> LEAKS = List.of("exception", "\tat ", "at java.", "at org.", "at io.",
            "at id.qutab", "java.", "org.postgresql", "psql", "sql", "error:", "hibernate", "jackson", "vertx",
            "resteasy", "short_notes", "notes (", "character varying", "stack", "caused by");

    private NoInternals() {
    }

    public static void assertClean(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            assertFalse(lower.contains(leak), () -> "response body leaks '" + leak + "': " + body);
        }
    }
}
