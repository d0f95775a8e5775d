package id.qutab.gateway;

import id.qutab.gateway.support.UpstreamStubs;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The gateway behind proxies it trusts: the test client's own 127.0.0.1 (standing in for Caddy or the ingress) and
 * a range of further proxies; any other loopback address (127.0.0.2, …) is an outsider. One login per hour per
 * client address.
 */
public class TrustedProxyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "qutab.gateway.trusted-proxies", "127.0.0.1, 10.0.0.0/8, 2001:db8:ffff::/48",
                "qutab.gateway.rate-limit.auth.capacity", "1",
                "qutab.gateway.rate-limit.auth.refill-period", "1h");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UpstreamStubs.class));
    }
}
