package id.qutab.affiliate.applications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An affiliate: their (latest) application, the decision on it, their code, tier and public profile. */
@Entity
@Table(name = "affiliate")
public class Affiliate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AffiliateStatus status;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    public String whatsapp;

    @Column(nullable = false)
    public String city;

    public String reason;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Column(nullable = false)
    public int applications;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    /** As issued (case kept); unique case-insensitively. */
    public String code;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public UUID approvedBy;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "tier_id")
    public UUID tierId;

    @Column(name = "tier_changed_at")
    public Instant tierChangedAt;

    public String bio;

    public String instagram;

    public String tiktok;

    public String facebook;

    public String youtube;

    public String website;

    @Column(name = "photo_file")
    public String photoFile;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Earns commissions and sets referral cookies. */
    public boolean active() {
        return status == AffiliateStatus.APPROVED;
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
