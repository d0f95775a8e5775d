package id.qutab.commerce.orders;

import id.qutab.commerce.attribution.OrderAttribution;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A customer's order. Every status change happens under this row's lock ({@link #lock}), with its event. */
@Entity(name = "CustomerOrder")
@Table(name = "customer_order")
public class Order extends PanacheEntityBase {

    @Id
    public UUID id;

    public String number;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    public long subtotal;

    public long discount;

    /** The part of {@link #discount} paid with loyalty points (README "Loyalty rewards"); the rest is the coupon's. */
    @Column(name = "points_discount")
    public long pointsDiscount;

    public long total;

    @Column(name = "coupon_id")
    public UUID couponId;

    @Column(name = "coupon_code")
    public String couponCode;

    @Column(name = "coupon_affiliate_id")
    public UUID couponAffiliateId;

    @Column(name = "referral_code")
    public String referralCode;

    @Column(name = "referral_affiliate_id")
    public UUID referralAffiliateId;

    @Column(name = "click_id")
    public String clickId;

    @Enumerated(EnumType.STRING)
    @Column(name = "attribution_source")
    public OrderAttribution.Source attributionSource;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "recipient_phone")
    public String recipientPhone;

    @Column(name = "recipient_location")
    public String recipientLocation;

    @Column(name = "recipient_notes")
    public String recipientNotes;

    @Column(name = "payment_due_at")
    public Instant paymentDueAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    public List<TrackingEntry> tracking = new ArrayList<>();

    public OrderAttribution attribution() {
        UUID credited = attributionSource == OrderAttribution.Source.COUPON ? couponAffiliateId
                : attributionSource == OrderAttribution.Source.LINK ? referralAffiliateId : null;
        return new OrderAttribution(referralCode, clickId, referralAffiliateId, couponCode, couponAffiliateId, attributionSource,
                credited);
    }

    /** {@code SELECT ... FOR UPDATE}: the order's transitions and events are serialized by this lock. */
    public static Optional<Order> lock(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
