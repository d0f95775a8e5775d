package id.qutab.commerce.customers;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ConsumedEventsTest} against the packaged app: signed events delivered to {@code /internal/events}, applied
 * once, their effect read in the database and through the API.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TestJwtKeyFiles.class, restrictToAnnotatedClass = false)
class ConsumedEventsIT extends ConsumedEventsTest {
}
