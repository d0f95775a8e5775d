package id.qutab.payout.payouts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** How much of one commission a paid payout covered. */
@Entity
@Table(name = "payout_allocation")
@IdClass(Allocation.Key.class)
public class Allocation extends PanacheEntityBase {

    @Id
    @Column(name = "payout_id")
    public UUID payoutId;

    @Id
    @Column(name = "commission_id")
    public UUID commissionId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public long amount;

    @Column(name = "fully_paid", nullable = false)
    public boolean fullyPaid;

    public static List<Allocation> of(UUID payoutId) {
        return list("payoutId = ?1 order by position", payoutId);
    }

    public static class Key implements Serializable {
        public UUID payoutId;
        public UUID commissionId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(payoutId, k.payoutId) && Objects.equals(commissionId, k.commissionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(payoutId, commissionId);
        }
    }
}
