package id.qutab.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ReferralLimitTest} against the packaged gateway (jar here, native binary in CI): a referral visit over its
 * per-address limit is still forwarded to affiliate-service, marked so the click is not counted; a sign-in over its
 * limit is refused (429, Retry-After).
 */
@QuarkusIntegrationTest
class ReferralLimitIT extends ReferralLimitTest {
}
