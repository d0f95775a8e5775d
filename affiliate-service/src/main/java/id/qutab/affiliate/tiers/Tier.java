package id.qutab.affiliate.tiers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A tier: from {@code minSales90d} trailing 90-day confirmed sales on, commissions get {@code bonusBps} extra. */
@Entity
@Table(name = "tier")
public class Tier extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "min_sales_90d", nullable = false)
    public long minSales90d;

    @Column(name = "bonus_bps", nullable = false)
    public int bonusBps;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
