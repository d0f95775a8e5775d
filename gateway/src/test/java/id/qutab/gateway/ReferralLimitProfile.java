package id.qutab.gateway;

import id.qutab.gateway.support.UpstreamStubs;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** One counted referral visit and one login per hour per client address; addresses from a trusted proxy. */
public class ReferralLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "qutab.gateway.trusted-proxies", "127.0.0.1",
                "qutab.gateway.rate-limit.referral.capacity", "1",
                "qutab.gateway.rate-limit.referral.refill-period", "1h",
                "qutab.gateway.rate-limit.auth.capacity", "1",
                "qutab.gateway.rate-limit.auth.refill-period", "1h");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UpstreamStubs.class));
    }
}
