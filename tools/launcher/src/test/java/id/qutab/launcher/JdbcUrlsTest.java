package id.qutab.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JdbcUrlsTest {

    @Test
    void switchesTheDatabaseKeepsParametersDropsCredentials() {
        assertEquals("jdbc:postgresql://db:5432/qutab",
                JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres", "qutab"));
        assertEquals("jdbc:postgresql://db/qutab", JdbcUrls.withDatabase("jdbc:postgresql://db", "qutab"));
        assertEquals("jdbc:postgresql://a:1,b:2/qutab?sslmode=require&targetServerType=primary",
                JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/x?user=admin&sslmode=require&password=s3cret&targetServerType=primary", "qutab"));
        assertEquals("jdbc:postgresql://db:5432/postgres?ssl=true",
                JdbcUrls.withoutCredentials("jdbc:postgresql://db:5432/postgres?ssl=true&password=x"));
        assertEquals("a b", JdbcUrls.param("jdbc:postgresql://db/x?user=a%20b", "USER"));
        assertThrows(LauncherException.class, () -> JdbcUrls.withDatabase("postgres://db/x", "qutab"));
    }
}
