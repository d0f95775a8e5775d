package id.qutab.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link RoutingTest} against the packaged gateway (jar here, native binary in CI): every route to its upstream stub
 * (including {@code /r/{code}} to affiliate-service), what is forwarded and what never is, request ids, and
 * problem+json for unknown or ambiguous paths.
 */
@QuarkusIntegrationTest
class RoutingIT extends RoutingTest {
}
