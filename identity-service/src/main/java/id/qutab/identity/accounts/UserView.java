package id.qutab.identity.accounts;

import java.util.List;
import java.util.UUID;

/** The profile shape of API.md: {@code {id, name, email, phone, roles, emailVerified}} (plus {@code locale}). */
public record UserView(UUID id, String name, String email, String phone, List<String> roles, boolean emailVerified,
                       String locale) {

    public static UserView of(UserAccount user) {
        return new UserView(user.id, user.name, user.email, user.phone, user.sortedRoles(), user.emailVerified(),
                user.locale);
    }
}
