package id.qutab.identity.passwords;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.support.SecureTokens;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * bcrypt (Elytron) at the configured cost. Checking a password for an account that does not exist still
 * costs one bcrypt verification (against a dummy hash of the same cost), so the answer time does not tell
 * whether an email is registered.
 */
@Startup(100)
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_COST = 10;

    @Inject
    AuthConfig config;

    private String dummyHash;

    @PostConstruct
    void init() {
        if (config.bcryptCost() < MIN_COST || config.bcryptCost() > 31) {
            throw new IllegalStateException("qutab.auth.bcrypt-cost must be between " + MIN_COST + " and 31");
        }
        dummyHash = BcryptUtil.bcryptHash(SecureTokens.newToken(), config.bcryptCost());
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    /** True only when {@code hash} is present and matches; a null hash is checked against the dummy and fails. */
    public boolean matches(String password, String hash) {
        boolean matched = BcryptUtil.matches(password == null ? "" : password, hash == null ? dummyHash : hash);
        return hash != null && matched;
    }
}
