package id.qutab.launcher;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    @Test
    void theConsoleLineNamesTheConsoleUnderTheGatewayNextToTheAdminCredentials() {
        assertEquals("Console:   http://localhost:8080/admin/  (log in as the admin above)",
                Platform.consoleLine(URI.create("http://localhost:8080")));
        assertEquals("Console:   http://127.0.0.1:41234/admin/  (log in as the admin above)",
                Platform.consoleLine(URI.create("http://127.0.0.1:41234/")));
    }

    @Test
    void theConsoleAppThatLineDependsOnIsInTheBundledAppList() {
        assertTrue(AppCatalog.bundled().stream().anyMatch(a -> a.name().equals(Platform.CONSOLE_APP)));
    }
}
