package id.qutab.identity.notifications;

import id.qutab.identity.accounts.AccountService;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Who wants which messages. A change is published as {@code identity.user.preferences-changed} in the same
 * transaction (commerce keeps "promotions" to choose whom its reminder job writes to).
 */
@ApplicationScoped
public class PreferenceService {

    private static final Logger LOG = Logger.getLogger(PreferenceService.class);
    public static final String CHANGED = "identity.user.preferences-changed";

    @Inject
    UserRepository users;

    @Inject
    Outbox outbox;

    /** {@code identity.user.preferences-changed}. */
    @RegisterForReflection
    public record PreferencesChanged(UUID userId, Preferences.Channel whatsapp, Preferences.Channel email,
                                     Instant at) {
    }

    /** What applies to this user (the defaults when they never chose). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preferences of(UUID userId) {
        NotificationPreference row = NotificationPreference.findById(userId);
        return row == null ? Preferences.DEFAULTS : row.preferences();
    }

    @Transactional
    public Preferences mine(UUID userId) {
        AccountService.requireActive(users.findLive(userId));
        return of(userId);
    }

    /**
     * Stores the caller's choices. The account row is locked first, so two PUTs of one user are applied (and their
     * events recorded) one after the other: the last event commerce receives is the last choice.
     */
    @Transactional
    public Preferences change(UUID userId, Preferences wanted) {
        AccountService.requireActive(users.lockLive(userId));
        NotificationPreference row = NotificationPreference.findById(userId);
        Preferences before = row == null ? Preferences.DEFAULTS : row.preferences();
        if (row == null) {
            row = new NotificationPreference();
            row.userId = userId;
        }
        row.whatsappTransactional = wanted.whatsapp().transactional();
        row.whatsappPromotions = wanted.whatsapp().promotions();
        row.emailTransactional = wanted.email().transactional();
        row.emailPromotions = wanted.email().promotions();
        Instant now = Instant.now();
        row.updatedAt = now;
        row.persist();
        if (!before.equals(wanted)) {
            outbox.record(CHANGED, userId.toString(),
                    new PreferencesChanged(userId, wanted.whatsapp(), wanted.email(), now));
            LOG.infof("account %s changed its notification preferences", userId);
        }
        return wanted;
    }
}
