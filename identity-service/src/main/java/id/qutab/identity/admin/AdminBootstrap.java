package id.qutab.identity.admin;

import id.qutab.identity.accounts.AccountService;
import id.qutab.identity.accounts.AccountService.NewAccount;
import id.qutab.identity.accounts.EmailAddresses;
import id.qutab.identity.accounts.Patterns;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.identity.passwords.PasswordHasher;
import id.qutab.identity.passwords.PasswordPolicy;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;

/**
 * Makes sure the configured admin account exists when the service starts: created (verified, role
 * {@code admin}) when absent; left alone when present, so a password changed since is not overwritten.
 * An existing account with that email that is not an admin is not promoted (someone may have registered
 * it); that is logged for the operator instead.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    AdminConfig config;

    @Inject
    UserRepository users;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    /** After the signing keys and the hasher (priority 100): a misconfigured service creates nothing. */
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        ensureAdmin();
    }

    /** Returns the admin's id when it exists (or was created), empty when bootstrap is not configured. */
    public Optional<java.util.UUID> ensureAdmin() {
        Optional<String> email = config.email().map(EmailAddresses::normalize).filter(e -> !e.isBlank());
        Optional<String> password = config.password().filter(p -> !p.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warn("qutab.admin.email / qutab.admin.password not configured: no admin account is ensured");
            return Optional.empty();
        }
        if (!email.get().matches(Patterns.EMAIL)) {
            LOG.error("qutab.admin.email is not a valid email address: no admin account is ensured");
            return Optional.empty();
        }
        try {
            PasswordPolicy.requireAcceptable(password.get(), email.get());
        } catch (ProblemException weak) {
            LOG.errorf("qutab.admin.password is not acceptable (%s): no admin account is ensured",
                    weak.problem().errors().get(0).message());
            return Optional.empty();
        }
        Optional<UserAccount> existing = QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email.get()));
        if (existing.isPresent()) {
            UserAccount user = existing.get();
            if (!user.roles.contains(Roles.ADMIN)) {
                LOG.errorf("the configured admin email belongs to account %s, which is not an admin; not promoted", user.id);
            } else if (user.disabled()) {
                LOG.warnf("the admin account %s is disabled", user.id);
            }
            return Optional.of(user.id);
        }
        String hash = hasher.hash(password.get());
        try {
            UserAccount created = QuarkusTransaction.requiringNew().call(() -> accounts.create(new NewAccount(
                    config.name().orElse("Qutab Admin"), email.get(), null, hash, Set.of(Roles.ADMIN), "id", true)));
            LOG.infof("admin account %s created", created.id);
            return Optional.of(created.id);
        } catch (RuntimeException e) {
            // another replica created it at the same moment
            return QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email.get()).map(u -> u.id));
        }
    }
}
