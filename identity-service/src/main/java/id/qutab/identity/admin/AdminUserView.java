package id.qutab.identity.admin;

import id.qutab.identity.accounts.UserAccount;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as admins see it in the list: the profile plus account state. */
public record AdminUserView(UUID id, String name, String email, String phone, List<String> roles,
                            boolean emailVerified, String locale, boolean disabled, Instant disabledAt,
                            Instant createdAt) {

    static AdminUserView of(UserAccount user) {
        return new AdminUserView(user.id, user.name, user.email, user.phone, user.sortedRoles(), user.emailVerified(),
                user.locale, user.disabled(), user.disabledAt, user.createdAt);
    }
}
