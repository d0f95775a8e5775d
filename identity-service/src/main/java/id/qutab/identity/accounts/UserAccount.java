package id.qutab.identity.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An account: who someone is, how they sign in, and which roles they hold. */
@Entity
@Table(name = "users")
public class UserAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Lower-cased; unique case-insensitively (index on {@code lower(email)}). */
    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    /** Normalized {@code +62…}; null once anonymized. */
    public String phone;

    /** bcrypt; null once the account is deleted. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** {@code id} or {@code en}: the language of the mails this account gets. */
    @Column(nullable = false)
    public String locale;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    @BatchSize(size = 100)
    public Set<String> roles = new TreeSet<>();

    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** May sign in, refresh and receive mails. */
    public boolean active() {
        return disabledAt == null && deletedAt == null;
    }

    public List<String> sortedRoles() {
        return List.copyOf(new TreeSet<>(roles));
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
