package id.qutab.affiliate.attribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** An order attributed to an affiliate (a referral), as the affiliate sees it — with the customer's name masked. */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    public enum Source { COUPON, LINK }

    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "customer_user_id")
    public UUID customerUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    public String code;

    @Column(name = "click_id")
    public String clickId;

    @Column(name = "coupon_code")
    public String couponCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    @Column(name = "order_total")
    public Long orderTotal;

    @Column(name = "order_created_at")
    public Instant orderCreatedAt;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "paid_out_at")
    public Instant paidOutAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** One lead per order; its id is derived from the order id like the commission's. */
    public static UUID idFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("qutab-lead:" + orderId).getBytes(StandardCharsets.UTF_8));
    }
}
