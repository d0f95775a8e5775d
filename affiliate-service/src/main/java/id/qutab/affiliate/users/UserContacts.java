package id.qutab.affiliate.users;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserContacts implements PanacheRepositoryBase<UserContact, UUID> {

    /** The email to write to, unless the user is unknown here or deleted. */
    public Optional<String> emailOf(UUID userId) {
        return findByIdOptional(userId).filter(u -> !u.deleted() && u.email != null).map(u -> u.email);
    }

    public Optional<UserContact> lock(UUID userId) {
        return findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
