package id.qutab.identity.tokens;

import id.qutab.identity.accounts.UserAccount;
import id.qutab.platform.security.CurrentUser;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;

/**
 * Signs access tokens: RS256, {@code iss} from config, {@code sub} = user id, {@code groups} = roles,
 * {@code sid} = the session (refresh token family), {@code exp} ≤ 15 minutes. No email, name or phone.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    SigningKeys keys;

    @Inject
    JwtConfig config;

    public String issue(UserAccount user, UUID sessionId) {
        Instant now = Instant.now();
        return Jwt.issuer(config.issuer())
                .subject(user.id.toString())
                .groups(new HashSet<>(user.roles))
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .claim("jti", UUID.randomUUID().toString())
                .claim(CurrentUser.SESSION_CLAIM, sessionId.toString())
                .jws()
                .keyId(keys.keyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
    }

    public long lifetimeSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
