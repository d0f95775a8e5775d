package id.qutab.identity.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;

/** Payloads of the events this service publishes through the outbox (EVENTS.md). */
public final class UserEvents {

    public static final String REGISTERED = "identity.user.registered";
    public static final String UPDATED = "identity.user.updated";
    public static final String DELETED = "identity.user.deleted";

    private UserEvents() {
    }

    /** {@code identity.user.registered}: a new account (self-service, admin bootstrap or demo seed). */
    @RegisterForReflection
    public record UserRegistered(UUID userId, String name, String email, String phone, List<String> roles,
                                 String locale) {
        static UserRegistered of(UserAccount user) {
            return new UserRegistered(user.id, user.name, user.email, user.phone, user.sortedRoles(), user.locale);
        }
    }

    /** {@code identity.user.updated}: the profile changed (name, phone, locale); same fields as registered. */
    @RegisterForReflection
    public record UserUpdated(UUID userId, String name, String email, String phone, List<String> roles,
                              String locale) {
        static UserUpdated of(UserAccount user) {
            return new UserUpdated(user.id, user.name, user.email, user.phone, user.sortedRoles(), user.locale);
        }
    }

    /** {@code identity.user.deleted}: every consumer anonymizes what it keeps about this user. */
    @RegisterForReflection
    public record UserDeleted(UUID userId) {
    }
}
