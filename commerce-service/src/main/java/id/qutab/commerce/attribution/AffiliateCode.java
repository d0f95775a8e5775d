package id.qutab.commerce.attribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An approved affiliate and its referral code, as announced by {@code affiliate.application.approved}. */
@Entity
@Table(name = "affiliate_code")
public class AffiliateCode extends PanacheEntityBase {

    @Id
    @Column(name = "affiliate_id")
    public UUID affiliateId;

    @Column(name = "user_id")
    public UUID userId;

    public String code;

    @Column(name = "approved_at")
    public Instant approvedAt;

    public static Optional<AffiliateCode> byCode(String code) {
        return code == null ? Optional.empty() : find("code", code).firstResultOptional();
    }

    public static Optional<AffiliateCode> byUser(UUID userId) {
        return find("userId", userId).firstResultOptional();
    }
}
