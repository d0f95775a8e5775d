package id.qutab.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Mints access tokens shaped like identity-service's (RS256, {@code sub} = user id, {@code groups} = roles)
 * with a key pair that exists only for tests. A service under test trusts it through its {@code %test}
 * profile ({@code mp.jwt.verify.publickey.location=qutab-test-jwt/public-key.pem}); production services
 * trust only identity-service's published key set and issuer.
 */
public final class TestJwt {

    public static final String ISSUER = "https://test.qutab.id";
    public static final String PRIVATE_KEY = "qutab-test-jwt/private-key.pem";
    /** A key no service trusts: tokens signed with it must be refused. */
    public static final String FOREIGN_PRIVATE_KEY = "qutab-test-jwt/foreign-private-key.pem";

    private TestJwt() {
    }

    public static String admin() {
        return token(UUID.randomUUID(), "admin");
    }

    public static String customer(UUID userId) {
        return token(userId, "customer");
    }

    public static String affiliate(UUID userId) {
        return token(userId, "affiliate");
    }

    public static String token(UUID userId, String... roles) {
        return builder(userId, roles).sign(PRIVATE_KEY);
    }

    /** A token that expired a minute ago. */
    public static String expired(UUID userId, String... roles) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(16));
        return claims(userId, roles).issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(15)))
                .jws().keyId("test").sign(PRIVATE_KEY);
    }

    public static String withIssuer(String issuer, UUID userId, String... roles) {
        return claims(userId, roles).issuer(issuer).jws().keyId("test").sign(PRIVATE_KEY);
    }

    public static String signedByForeignKey(UUID userId, String... roles) {
        return builder(userId, roles).sign(FOREIGN_PRIVATE_KEY);
    }

    private static io.smallrye.jwt.build.JwtSignatureBuilder builder(UUID userId, String... roles) {
        return claims(userId, roles).jws().keyId("test");
    }

    private static JwtClaimsBuilder claims(UUID userId, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .upn(userId.toString())
                .groups(Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(15));
    }
}
