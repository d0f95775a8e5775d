package id.qutab.console.operations;

import id.qutab.console.materials.MaterialTexts;
import id.qutab.console.rules.RuleTexts;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The materials, rules and operations pages speak English completely, and list every job the gateway routes. */
class ProgramTextsTest {

    @Test
    void everyIndonesianMessageHasItsEnglishTwin() throws IOException {
        for (Class<?> bundle : List.of(MaterialTexts.class, RuleTexts.class, OperationTexts.class)) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties english = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/" + name + "_en.properties")) {
                assertNotNull(in, "messages/" + name + "_en.properties");
                english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            List<String> missing = new ArrayList<>();
            for (Method m : bundle.getDeclaredMethods()) {
                if (!english.containsKey(m.getName())) {
                    missing.add(m.getName());
                }
            }
            assertEquals(List.of(), missing, name + "_en.properties lacks keys");
            assertEquals(bundle.getDeclaredMethods().length, english.size(), name + "_en.properties has stray keys");
        }
    }

    @Test
    void everyJobRoutedByTheGatewayIsListed() throws IOException {
        // the gateway's route table names each job's path: /api/admin/jobs/<name>/
        java.nio.file.Path routes = java.nio.file.Path.of("..", "gateway", "src", "main", "resources",
                "application.properties");
        String table = java.nio.file.Files.readString(routes);
        java.util.regex.Matcher jobs = java.util.regex.Pattern.compile("/api/admin/jobs/([a-z0-9-]+)/").matcher(table);
        List<String> routed = new ArrayList<>();
        while (jobs.find()) {
            routed.add(jobs.group(1));
        }
        assertTrue(routed.size() >= 9, "jobs in the gateway's routes: " + routed);
        List<String> listed = OperationsPage.JOBS.stream().map(OperationsPage.Job::name).toList();
        assertEquals(routed.stream().sorted().toList(), listed.stream().sorted().toList());
    }

    @Test
    void ageIsCountedFromWhenTheEventHappened() {
        // only the three age words are used; each echoes its numbers
        OperationTexts english = (OperationTexts) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{OperationTexts.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "age_days" -> args[0] + "d" + args[1] + "h";
                    case "age_hours" -> args[0] + "h" + args[1] + "m";
                    case "age_minutes" -> args[0] + "m";
                    default -> throw new AssertionError(method.getName());
                });
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertEquals("3d2h", OperationsPage.age("2026-11-27T08:00:00Z", now, english));
        assertEquals("5h30m", OperationsPage.age("2026-11-30T04:30:00+00:00", now, english));
        assertEquals("7m", OperationsPage.age("2026-11-30T09:53:00Z", now, english));
        assertEquals("0m", OperationsPage.age("2026-11-30T10:05:00Z", now, english)); // clock skew: never negative
        assertEquals("", OperationsPage.age("not a time", now, english));
    }

    @Test
    void aRefusalShowsTheConsumersProblemDetail() {
        OperationsPage page = new OperationsPage();
        page.json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("HTTP 400: identity.user.updated: userId must be a UUID.", page.errorSummary(
                "HTTP 400: {\"type\":\"https://qutab.id/problems/bad-request\",\"status\":400,"
                        + "\"detail\":\"identity.user.updated: userId must be a UUID.\"}"));
        // cut off by the relay, not a problem, or no HTTP answer at all: as stored
        assertEquals("HTTP 422: {\"type\":\"https://qu", page.errorSummary("HTTP 422: {\"type\":\"https://qu"));
        assertEquals("HTTP 503: upstream down", page.errorSummary("HTTP 503: upstream down"));
        assertEquals("ConnectException: null", page.errorSummary("ConnectException: null"));
        assertEquals("", page.errorSummary(null));
    }
}
