package id.qutab.commerce.coupons;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Which order holds a coupon usage; {@code releasedAt} once the order was cancelled or expired. */
@Entity
@Table(name = "coupon_redemption")
public class CouponRedemptionRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "coupon_id")
    public UUID couponId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "user_id")
    public UUID userId;

    public long discount;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;

    @Column(name = "released_at")
    public Instant releasedAt;
}
