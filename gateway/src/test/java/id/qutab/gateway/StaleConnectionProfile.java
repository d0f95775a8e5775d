package id.qutab.gateway;

import id.qutab.gateway.support.UpstreamStubs;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Services that close a quiet keep-alive connection after a few milliseconds, far sooner than the gateway's pool
 * lets one idle: the gateway keeps picking pooled connections that the service is closing at that very moment.
 */
public class StaleConnectionProfile implements QuarkusTestProfile {

    static final String IDLE_MS = System.getProperty("test.upstream-idle-ms", "20");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UpstreamStubs.class, Map.of("idle-timeout-ms", IDLE_MS)));
    }
}
