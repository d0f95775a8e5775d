package id.qutab.gateway;

import id.qutab.gateway.support.UpstreamStubs;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** payout is down (closed port), answers are due within 500 ms, tiny auth limit and body limit. */
public class EdgeFailuresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "qutab.gateway.response-timeout", "500ms",
                "qutab.gateway.rate-limit.auth.capacity", "3",
                "qutab.gateway.rate-limit.auth.refill-period", "1h",
                "qutab.gateway.max-body-size", "1K");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UpstreamStubs.class, Map.of("down", "payout")));
    }
}
