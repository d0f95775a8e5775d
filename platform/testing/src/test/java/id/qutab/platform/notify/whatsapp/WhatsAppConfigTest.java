package id.qutab.platform.notify.whatsapp;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform defaults (META-INF/microprofile-config.properties of platform/core) with the launcher's environment
 * names: QUTAB_WHATSAPP_TOKEN becomes access-token, and without any of them the mapping still loads (empty).
 */
class WhatsAppConfigTest {

    static WhatsAppConfig load(Map<String, String> environment) throws IOException {
        URL defaults = WhatsAppConfig.class.getClassLoader()
                .getResources("META-INF/microprofile-config.properties").asIterator().next();
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors() // expressions, as Quarkus
                .withSources(new PropertiesConfigSource(defaults, 100))
                .withSources(new PropertiesConfigSource(environment, "test-environment", 300))
                .withConverter(Duration.class, 100, new DurationConverter()) // "10s", as Quarkus reads it
                .withMapping(WhatsAppConfig.class)
                .build();
        return config.getConfigMapping(WhatsAppConfig.class);
    }

    @Test
    void withoutAnyWhatsAppSettingTheConfigLoadsEmpty() throws IOException {
        WhatsAppConfig config = load(Map.of());
        assertEquals(Optional.empty(), config.accessToken());
        assertEquals(Optional.empty(), config.phoneNumberId());
        assertEquals(Optional.empty(), config.appSecret());
        assertEquals("https://graph.facebook.com", config.baseUrl());
        assertEquals("v21.0", config.apiVersion());
        assertEquals(Duration.ofSeconds(10), config.sendTimeout());
    }

    @Test
    void theLaunchersTokenVariableIsTheAccessToken() throws IOException {
        assertEquals(Optional.of("from-launcher"), load(Map.of("QUTAB_WHATSAPP_TOKEN", "from-launcher")).accessToken());
    }
}
