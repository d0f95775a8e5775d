package id.qutab.payout.affiliates;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Whom to mail about a payout: name, email and language of a user, as identity-service last told us. */
@Entity
@Table(name = "user_contact")
public class UserContact extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    public String name;

    public String email;

    public String locale;

    @Column(name = "source_changed_at", nullable = false)
    public Instant sourceChangedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** A contact we may mail: known, not deleted, with an email. */
    public static Optional<UserContact> mailable(UUID userId) {
        return UserContact.<UserContact>findByIdOptional(userId)
                .filter(c -> c.deletedAt == null && c.email != null && !c.email.isBlank());
    }
}
