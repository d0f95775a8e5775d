package id.qutab.identity.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Access tokens: {@code qutab.jwt.*}. The private key is read from {@code smallrye.jwt.sign.key.location}
 * (env {@code SMALLRYE_JWT_SIGN_KEY_LOCATION}), the matching public key from {@link #publicKeyLocation()}.
 */
@ConfigMapping(prefix = "qutab.jwt")
public interface JwtConfig {

    /** {@code iss} of every token; every service verifies it ({@code mp.jwt.verify.issuer}). */
    String issuer();

    /** PEM of the public key that is published as the JWKS (env {@code QUTAB_JWT_PUBLIC_KEY_LOCATION}). */
    Optional<String> publicKeyLocation();

    /** Lifetime of an access token; at most 15 minutes. */
    @WithDefault("15m")
    Duration accessTokenTtl();

    /**
     * With no key configured, generate a throw-away key pair at start-up instead of refusing to start.
     * For {@code quarkus:dev} only: tokens die with the process.
     */
    @WithDefault("false")
    boolean ephemeralKeys();
}
