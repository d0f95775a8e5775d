package id.qutab.identity.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Which user an affiliate is (from {@code affiliate.application.approved}): payout events name only the affiliate. */
@Entity
@Table(name = "affiliate_contact")
public class AffiliateContact extends PanacheEntityBase {

    @Id
    @Column(name = "affiliate_id")
    public UUID affiliateId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    public String code;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
