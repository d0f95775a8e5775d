package id.qutab.identity.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** The account with this email (any case), deleted ones excluded (their email is anonymized anyway). */
    public Optional<UserAccount> findByEmail(String email) {
        return find("lower(email) = ?1 and deletedAt is null", EmailAddresses.normalize(email)).firstResultOptional();
    }

    public boolean emailTaken(String email) {
        return count("lower(email) = ?1", EmailAddresses.normalize(email)) > 0;
    }

    /** A live account (not deleted), locked for update. */
    public Optional<UserAccount> lockLive(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(u -> !u.deleted());
    }

    public Optional<UserAccount> findLive(UUID id) {
        return findByIdOptional(id).filter(u -> !u.deleted());
    }
}
