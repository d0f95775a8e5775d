package id.qutab.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    @TempDir
    Path dir;

    @Test
    void expandsKnownPlaceholdersAndSecretsAndRejectsUnknownOnes() {
        LocalSecrets secrets = new LocalSecrets(dir);
        Placeholders p = new Placeholders(Map.of("url", "http://localhost:8090", "app.gateway.url", "http://localhost:8080"), secrets);
        assertEquals("http://localhost:8090/", Templates.expand("${url}/", p, "t"));
        assertEquals("http://localhost:8080/webhooks/zendit", Templates.expand("${app.gateway.url}/webhooks/zendit", p, "t"));
        assertEquals("a$b", Templates.expand("a$b", p, "t"));
        String token = Templates.expand("${secret.zendit-callback-token}", p, "t");
        assertEquals(secrets.password("zendit-callback-token"), token, "a named secret is generated once");
        LauncherException unknown = assertThrows(LauncherException.class, () -> Templates.expand("${nope}", p, "t"));
        assertTrue(unknown.getMessage().contains("known: app.gateway.url, url, secret.<name>"), unknown.getMessage());
    }
}
