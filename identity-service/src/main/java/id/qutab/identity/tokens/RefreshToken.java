package id.qutab.identity.tokens;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a session (family). Stored as its SHA-256 only. Spent when exchanged for the next
 * one; revoked (with its whole family) on logout, on reuse of a spent token, on password change or reset,
 * on disable and on account deletion.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "spent_at")
    public Instant spentAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "replaced_by")
    public UUID replacedBy;
}
