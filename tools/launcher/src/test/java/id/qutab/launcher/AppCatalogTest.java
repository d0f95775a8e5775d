package id.qutab.launcher;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppCatalogTest {

    /**
     * Every app runs with a JVM argument file that exists in the repository (the launcher refuses to start an app
     * whose file is missing), the gateway and the sandboxes with their own, and each file is one the JVM accepts.
     */
    @Test
    void everyBundledAppHasAnExistingJvmArgumentFileTheJvmAccepts() throws Exception {
        java.nio.file.Path repo = java.nio.file.Path.of("../..").toAbsolutePath().normalize();
        Map<String, String> files = new java.util.HashMap<>();
        for (AppDefinition app : AppCatalog.bundled()) {
            files.put(app.name(), app.jvmArgs());
            assertTrue(java.nio.file.Files.isRegularFile(app.jvmArgsPath(repo)), app.jvmArgsPath(repo).toString());
        }
        assertEquals("deploy/jvm/gateway.args", files.get("gateway"));
        assertEquals("deploy/jvm/tool.args", files.get("zendit"));
        assertEquals("deploy/jvm/tool.args", files.get("whatsapp"));
        for (String service : List.of("identity", "commerce", "affiliate", "payout", "console")) {
            assertEquals(AppCatalog.DEFAULT_JVM_ARGS, files.get(service));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String file : new java.util.TreeSet<>(files.values())) {
            Process p = new ProcessBuilder(java, "@" + repo.resolve(file), "-version").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), file + ": " + output);
        }
    }

    @Test
    void bundledListHasTheFourServicesWithTheirSchemasTheConsoleTheGatewayAsEntryPointAndTheSandboxes() {
        List<AppDefinition> apps = AppCatalog.bundled();
        assertEquals(List.of("identity", "commerce", "affiliate", "payout", "console", "gateway", "zendit",
                        "whatsapp"),
                apps.stream().map(AppDefinition::name).toList());
        for (AppDefinition app : apps.subList(0, 4)) {
            assertEquals(app.name(), app.schema().orElseThrow());
            assertEquals(app.name() + "-service", app.module());
            assertEquals("/q/health/ready", app.healthPath());
        }
        AppDefinition console = apps.get(4);
        assertEquals("admin-console", console.module());
        assertTrue(console.schema().isEmpty(), "the console keeps nothing");
        assertEquals("QUTAB_SERVICES_CONSOLE_URL", console.urlVariable().orElseThrow(), "the gateway forwards /admin to it");
        assertEquals("${app.gateway.url}", console.env().get("QUTAB_CONSOLE_API_URL"), "it calls the API through the gateway");
        AppDefinition gateway = apps.get(5);
        assertTrue(gateway.entrypoint());
        assertTrue(gateway.schema().isEmpty());
        assertEquals("QUTAB_HTTP_PORT", gateway.portVariable());
        assertEquals(8080, gateway.defaultPort());
        assertEquals(Map.of("QUTAB_FRONTEND_BASE_URL", "${url}/"), gateway.exports());
        assertTrue(gateway.urlVariable().isEmpty(), "nothing calls the gateway");
        assertTrue(apps.stream().noneMatch(AppDefinition::optional), "every app is in the reactor");
        AppDefinition zendit = apps.get(6);
        assertEquals("ZENDIT_SANDBOX_PORT", zendit.portEnv());
        assertEquals("QUARKUS_HTTP_PORT", gateway.portEnv());
        assertTrue(zendit.urlVariable().isEmpty(), "not a qutab.services upstream of the gateway");
        assertEquals("${app.gateway.url}/webhooks/zendit", zendit.env().get("ZENDIT_SANDBOX_CALLBACK_URL"));
        AppDefinition whatsapp = apps.get(7);
        assertEquals("tools/whatsapp-sandbox", whatsapp.module());
        assertEquals("WHATSAPP_SANDBOX_PORT", whatsapp.portEnv());
        assertEquals(8091, whatsapp.defaultPort());
        assertEquals("/health", whatsapp.healthPath());
        assertTrue(whatsapp.urlVariable().isEmpty(), "not a qutab.services upstream of the gateway");
        assertTrue(whatsapp.schema().isEmpty());
        assertEquals("${url}", whatsapp.exports().get("QUTAB_WHATSAPP_BASE_URL"));
        assertEquals("${secret.whatsapp-token}", whatsapp.exports().get("QUTAB_WHATSAPP_TOKEN"));
        assertEquals("${secret.whatsapp-app-secret}", whatsapp.exports().get("QUTAB_WHATSAPP_APP_SECRET"));
        assertEquals("106540352242922", whatsapp.exports().get("QUTAB_WHATSAPP_PHONE_NUMBER_ID"),
                "the sandbox's default phone number id");
        assertEquals("${app.gateway.url}/webhooks/whatsapp", whatsapp.env().get("WHATSAPP_SANDBOX_CALLBACK_URL"));
        assertEquals("QUTAB_SERVICES_IDENTITY_URL", apps.get(0).urlVariable().orElseThrow());
        assertEquals(List.of(8081, 8082, 8083, 8084),
                apps.subList(0, 4).stream().map(AppDefinition::defaultPort).toList());
        assertTrue(apps.get(0).env().containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION"), "identity gets the signing key");
        assertTrue(apps.subList(1, 8).stream().noneMatch(a -> a.env().containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION")));
    }

    @Test
    void oneEntryIsEnoughForANewApp() throws Exception {
        List<AppDefinition> apps = AppCatalog.parse(new StringReader("""
                apps=zendit-sandbox
                app.zendit-sandbox.module=tools/zendit-sandbox
                app.zendit-sandbox.port-variable=QUTAB_ZENDIT_PORT
                app.zendit-sandbox.default-port=8085
                app.zendit-sandbox.export.QUTAB_ZENDIT_BASE_URL=${url}
                """), "test");
        AppDefinition sandbox = apps.get(0);
        assertEquals("QUTAB_SERVICES_ZENDIT_SANDBOX_URL", sandbox.urlVariable().orElseThrow());
        assertEquals("target/quarkus-app/quarkus-run.jar", sandbox.jar());
        assertTrue(sandbox.schema().isEmpty());
        assertEquals("${url}", sandbox.exports().get("QUTAB_ZENDIT_BASE_URL"));
    }

    @Test
    void rejectsIncompleteOrAmbiguousLists() {
        assertThrows(LauncherException.class, () -> AppCatalog.parse(new StringReader("apps=a\napp.a.module=a\n"), "t"));
        assertThrows(LauncherException.class, () -> AppCatalog.parse(new StringReader("""
                apps=a,b
                app.a.module=a
                app.a.port-variable=A
                app.a.default-port=1
                app.b.module=b
                app.b.port-variable=B
                app.b.default-port=1
                """), "t"));
        assertThrows(LauncherException.class, () -> AppCatalog.parse(new StringReader("nothing=here"), "t"));
    }
}
