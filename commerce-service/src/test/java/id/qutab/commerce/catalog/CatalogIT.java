package id.qutab.commerce.catalog;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link CatalogTest} against the packaged app: the catalogue read (lists, filters, details), admin CRUD, and image
 * uploads validated by content (ImageIO, which a native image has only with AWT) and served back.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TestJwtKeyFiles.class, restrictToAnnotatedClass = false)
class CatalogIT extends CatalogTest {
}
