package id.qutab.commerce.loyalty.rewards;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A reward of the loyalty catalogue. {@code redeemed} counts the live redemptions; it is raised only by the
 * conditional update in {@link RewardRedemption}, so {@code stock} (how many in all, null = unlimited) holds under
 * concurrency.
 */
@Entity
@Table(name = "loyalty_reward")
public class Reward extends PanacheEntityBase {

    public enum Kind {
        /** {@code value} rupiah off an order, spent at checkout ({@code pointsRedemption} of POST /api/orders) */
        DISCOUNT,
        /** redeeming issues a single-use coupon of {@code value} rupiah that only the customer can use */
        COUPON
    }

    @Id
    public UUID id;

    public String name;

    public String description;

    @Column(name = "points_cost")
    public long pointsCost;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public long value;

    public Integer stock;

    public int redeemed;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Why the reward cannot be redeemed at {@code now}, or null when it can (points aside). */
    public RewardRefusal refusal(Instant now) {
        if (!active) {
            return RewardRefusal.INACTIVE;
        }
        if (validFrom != null && now.isBefore(validFrom)) {
            return RewardRefusal.NOT_STARTED;
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return RewardRefusal.EXPIRED;
        }
        if (stock != null && redeemed >= stock) {
            return RewardRefusal.OUT_OF_STOCK;
        }
        return null;
    }
}
