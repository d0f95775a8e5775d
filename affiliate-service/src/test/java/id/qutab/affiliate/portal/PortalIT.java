package id.qutab.affiliate.portal;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link PortalTest} against the packaged app: commerce.order.created and .paid delivered signed and applied
 * (referrals, pending commission on the dashboard), the affiliate's own data only, profile photo uploads validated
 * by content (ImageIO, which a native image has only with AWT).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TestJwtKeyFiles.class, restrictToAnnotatedClass = false)
class PortalIT extends PortalTest {
}
