package id.qutab.commerce.payments;

import id.qutab.commerce.payments.zendit.ProviderStartupCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9, defect 12: production refuses to start without a payment provider (the check's rule). */
class ProviderStartupCheckTest {

    static final Optional<String> KEY = Optional.of("xnd_production_key");
    static final Optional<String> TOKEN = Optional.of("callback-token");

    @Test
    void aRealProviderStarts() {
        assertEquals(List.of(), ProviderStartupCheck.problems(Optional.of("https://api.zendit.id"), false, KEY, TOKEN));
    }

    @Test
    void theSandboxDefaultIsRefusedUnlessDeclared() {
        List<String> problems = ProviderStartupCheck.problems(Optional.of("http://localhost:8090"), false, KEY, TOKEN);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("QUTAB_ZENDIT_BASE_URL"), problems.get(0));
        assertTrue(problems.get(0).contains("QUTAB_ZENDIT_SANDBOX=true"), problems.get(0));
        assertEquals(1, ProviderStartupCheck.problems(Optional.of("http://zendit-sandbox:8090"), false, KEY, TOKEN).size());
        assertEquals(List.of(), ProviderStartupCheck.problems(Optional.of("http://localhost:8090"), true, KEY, TOKEN));
    }

    @Test
    void anUnsetOrBrokenUrlIsRefusedEvenWithTheSandboxDeclared() {
        assertTrue(ProviderStartupCheck.problems(Optional.empty(), true, KEY, TOKEN).get(0).contains("is not set"));
        assertTrue(ProviderStartupCheck.problems(Optional.of("  "), false, KEY, TOKEN).get(0).contains("is not set"));
        assertTrue(ProviderStartupCheck.problems(Optional.of("ftp://x"), true, KEY, TOKEN).get(0).contains("not an http(s) URL"));
        assertTrue(ProviderStartupCheck.problems(Optional.of("localhost:8090"), true, KEY, TOKEN).get(0).contains("not an http(s) URL"));
    }

    @Test
    void secretsAreRequired() {
        List<String> problems = ProviderStartupCheck.problems(Optional.of("https://api.zendit.id"), false,
                Optional.empty(), Optional.of(" "));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("QUTAB_ZENDIT_SECRET_KEY"));
        assertTrue(problems.get(1).contains("QUTAB_ZENDIT_CALLBACK_TOKEN"));
    }
}
