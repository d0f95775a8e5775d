package id.qutab.identity.accounts;

import id.qutab.identity.passwords.PasswordHasher;
import id.qutab.identity.passwords.PasswordPolicy;
import id.qutab.identity.tokens.RefreshTokens;
import id.qutab.identity.verification.EmailVerification;
import id.qutab.platform.outbox.Outbox;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Accounts: self-service registration, the caller's own profile, and deletion (anonymization). Also the
 * one place accounts are created, so every new account emits {@code identity.user.registered}.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final String EMAIL_UNIQUE_INDEX = "users_email_key";
    private static final String DELETED_NAME = "Deleted user";

    @Inject
    UserRepository users;

    @Inject
    Outbox outbox;

    @Inject
    PasswordHasher hasher;

    @Inject
    EmailVerification verification;

    @Inject
    RefreshTokens refreshTokens;

    /** What a new account starts with; the password is already hashed. */
    public record NewAccount(String name, String email, String phone, String passwordHash, Set<String> roles,
                             String locale, boolean emailVerified) {
    }

    /**
     * Registers a customer or affiliate and mails the verification link. Two registrations of one email
     * racing each other meet at the unique index: exactly one wins, the other gets 409.
     */
    public UserAccount register(RegisterRequest request) {
        String email = EmailAddresses.normalize(request.email());
        String phone = IndonesianPhone.normalize(request.phone())
                .orElseThrow(() -> ProblemException.invalid("phone", IndonesianPhone.MESSAGE));
        PasswordPolicy.requireAcceptable(request.password(), email);
        if (users.emailTaken(email)) {
            throw emailTaken();
        }
        // bcrypt outside any transaction: no connection is held while hashing
        String hash = hasher.hash(request.password());
        NewAccount account = new NewAccount(request.name().trim(), email, phone, hash, Set.of(request.accountType()),
                request.locale() == null ? "id" : request.locale(), false);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                UserAccount user = create(account);
                verification.issueAndMail(user);
                return user;
            });
        } catch (RuntimeException e) {
            if (Sql.violates(e, EMAIL_UNIQUE_INDEX)) {
                throw emailTaken();
            }
            throw e;
        }
    }

    /** Persists a new account and records {@code identity.user.registered} in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserAccount create(NewAccount account) {
        Instant now = Instant.now();
        UserAccount user = new UserAccount();
        user.id = UUID.randomUUID();
        user.name = account.name();
        user.email = EmailAddresses.normalize(account.email());
        user.phone = account.phone();
        user.passwordHash = account.passwordHash();
        user.roles = new TreeSet<>(account.roles());
        user.locale = account.locale();
        user.emailVerifiedAt = account.emailVerified() ? now : null;
        user.createdAt = now;
        user.updatedAt = now;
        users.persistAndFlush(user);
        outbox.record(UserEvents.REGISTERED, user.id.toString(), UserEvents.UserRegistered.of(user));
        LOG.infof("account %s registered with roles %s", user.id, user.sortedRoles());
        return user;
    }

    /** The caller's account: gone (deleted or unknown) → 401, disabled → 403. */
    @Transactional
    public UserAccount current(UUID userId) {
        return requireActive(users.findLive(userId));
    }

    @Transactional
    public UserAccount update(UUID userId, ProfileUpdate update) {
        UserAccount user = requireActive(users.lockLive(userId));
        boolean changed = false;
        if (update.name() != null && !update.name().trim().equals(user.name)) {
            user.name = update.name().trim();
            changed = true;
        }
        if (update.phone() != null) {
            String phone = IndonesianPhone.normalize(update.phone())
                    .orElseThrow(() -> ProblemException.invalid("phone", IndonesianPhone.MESSAGE));
            if (!phone.equals(user.phone)) {
                user.phone = phone;
                changed = true;
            }
        }
        if (update.locale() != null && !update.locale().equals(user.locale)) {
            user.locale = update.locale();
            changed = true;
        }
        if (changed) {
            user.touch();
            outbox.record(UserEvents.UPDATED, user.id.toString(), UserEvents.UserUpdated.of(user));
        }
        return user;
    }

    /**
     * Deletes the caller's account: personal data is replaced, the password removed, every session revoked,
     * and {@code identity.user.deleted} tells the other services to anonymize their copies. The row (and its
     * id) stays, so orders and commissions elsewhere keep pointing at something.
     */
    @Transactional
    public void delete(UUID userId) {
        UserAccount user = users.lockLive(userId).orElseThrow(AccountService::gone);
        Instant now = Instant.now();
        user.name = DELETED_NAME;
        user.email = "deleted-" + user.id + "@deleted.qutab.invalid";
        user.phone = null;
        user.passwordHash = null;
        user.emailVerifiedAt = null;
        user.disabledAt = user.disabledAt == null ? now : user.disabledAt;
        user.deletedAt = now;
        user.touch();
        refreshTokens.revokeAllOf(user.id);
        verification.forget(user.id);
        outbox.record(UserEvents.DELETED, user.id.toString(), new UserEvents.UserDeleted(user.id));
        LOG.infof("account %s deleted and anonymized", user.id);
    }

    public static UserAccount requireActive(Optional<UserAccount> found) {
        UserAccount user = found.orElseThrow(AccountService::gone);
        if (user.disabled()) {
            throw ProblemException.forbidden("This account is disabled.");
        }
        return user;
    }

    private static ProblemException gone() {
        return ProblemException.unauthorized("This account no longer exists.");
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("email-taken", "An account with this email already exists.");
    }
}
