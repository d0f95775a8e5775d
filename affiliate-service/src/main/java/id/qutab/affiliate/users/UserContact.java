package id.qutab.affiliate.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What identity told us about a user: enough to mail an affiliate and to name (masked) a customer. */
@Entity
@Table(name = "user_contact")
public class UserContact extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    public String name;

    public String email;

    public String phone;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean deleted() {
        return deletedAt != null;
    }
}
