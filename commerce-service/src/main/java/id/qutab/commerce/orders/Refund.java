package id.qutab.commerce.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A refund decided by an admin. The money itself is transferred by hand ({@code settlement = MANUAL}). */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    public long amount;

    public String reason;

    public String settlement;

    @Column(name = "refunded_by")
    public UUID refundedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
