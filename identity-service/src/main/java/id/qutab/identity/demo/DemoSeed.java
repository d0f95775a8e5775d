package id.qutab.identity.demo;

import id.qutab.identity.accounts.AccountService;
import id.qutab.identity.accounts.AccountService.NewAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.identity.passwords.PasswordHasher;
import id.qutab.platform.security.Roles;
import id.qutab.platform.demo.DemoConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;

/**
 * With {@code qutab.demo.seed=true}, makes sure a demo customer and a demo affiliate exist (verified, password
 * {@code qutab.demo.password}). Idempotent: existing accounts are left as they are.
 */
@ApplicationScoped
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    public static final String CUSTOMER_EMAIL = "customer@qutab.local";
    public static final String AFFILIATE_EMAIL = "affiliate@qutab.local";

    private record Demo(String email, String name, String phone, String role) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo(CUSTOMER_EMAIL, "Budi Santoso (demo)", "+6281200000001", Roles.CUSTOMER),
            new Demo(AFFILIATE_EMAIL, "Siti Rahayu (demo)", "+6281200000002", Roles.AFFILIATE));

    @Inject
    DemoConfig config;

    @Inject
    UserRepository users;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    void onStart(@Observes @Priority(3100) StartupEvent event) {
        if (config.seed()) {
            seed();
        }
    }

    public void seed() {
        for (Demo demo : DEMOS) {
            boolean exists = QuarkusTransaction.requiringNew().call(() -> users.emailTaken(demo.email()));
            if (exists) {
                continue;
            }
            String hash = hasher.hash(config.password());
            try {
                QuarkusTransaction.requiringNew().run(() -> accounts.create(new NewAccount(demo.name(), demo.email(),
                        demo.phone(), hash, Set.of(demo.role()), "id", true)));
                LOG.infof("demo %s account created", demo.role());
            } catch (RuntimeException e) {
                LOG.infof("demo %s account not created (created concurrently?): %s", demo.role(), e.getClass().getSimpleName());
            }
        }
    }
}
