package id.qutab.identity.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A single-use link token (email verification or password reset), stored only as its SHA-256. */
@Entity
@Table(name = "one_time_tokens")
public class OneTimeToken extends PanacheEntityBase {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
