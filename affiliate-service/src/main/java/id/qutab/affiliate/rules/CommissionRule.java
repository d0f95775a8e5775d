package id.qutab.affiliate.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * How much a line of a product category earns: {@code rateBps} basis points of what the customer paid for the
 * line, or {@code flatAmountPerUnit} rupiah per unit. Exactly one of the two is set.
 */
@Entity
@Table(name = "commission_rule")
public class CommissionRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String category;

    @Column(name = "rate_bps")
    public Integer rateBps;

    @Column(name = "flat_amount_per_unit")
    public Long flatAmountPerUnit;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
