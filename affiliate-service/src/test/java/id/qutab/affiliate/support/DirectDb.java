package id.qutab.affiliate.support;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import java.lang.reflect.Field;
import java.sql.SQLException;

/**
 * A {@link TestDb} that connects from the test JVM itself, to the database {@link PostgresResource} handed the app
 * (embedded, or {@code QUTAB_TEST_DB_URL}). The JVM tests and the {@code *IT} classes that extend them share it:
 * an integration test runs the packaged app in another process, where no bean can be injected into the test.
 */
public final class DirectDb {

    private static TestDb db;

    private DirectDb() {
    }

    /** The affiliate schema, as the app sees it ({@code currentSchema}, like its datasource). */
    public static synchronized TestDb affiliate() {
        if (db == null) {
            db = connectedTo(PostgresResource.database(), "affiliate");
        }
        return db;
    }

    private static TestDb connectedTo(PostgresResource.Database database, String schema) {
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        AgroalDataSource pool;
        try {
            pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(cp -> cp.maxSize(4)
                            .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                                    .principal(new NamePrincipal(database.user()))
                                    .credential(new SimplePassword(database.password())))));
        } catch (SQLException e) {
            throw new IllegalStateException("no connection pool for the test database", e);
        }
        // TestDb is a CDI bean with an injected datasource and no constructor taking one: set it the way CDI would.
        // (platform/testing could offer TestDb.over(dataSource) and make this reflection unnecessary.)
        TestDb testDb = new TestDb();
        try {
            Field dataSource = TestDb.class.getDeclaredField("dataSource");
            dataSource.setAccessible(true);
            dataSource.set(testDb, pool);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestDb changed: its datasource field is gone", e);
        }
        return testDb;
    }
}
