package id.qutab.affiliate.attribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An order an affiliate placed through their own link or coupon: nothing earned, flagged for admins to review. */
@Entity
@Table(name = "self_referral")
public class SelfReferral extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "order_number")
    public String orderNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Lead.Source source;

    public String code;

    @Column(name = "coupon_code")
    public String couponCode;

    @Column(name = "order_total")
    public Long orderTotal;

    @Column(name = "flagged_at", nullable = false)
    public Instant flaggedAt;
}
