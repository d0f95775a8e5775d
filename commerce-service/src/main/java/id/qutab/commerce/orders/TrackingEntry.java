package id.qutab.commerce.orders;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of an order's history, shown to the customer (with a photo as proof of slaughter/distribution). */
@Entity
@Table(name = "order_tracking")
public class TrackingEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public Order order;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    public String note;

    @Column(name = "photo_url")
    public String photoUrl;

    public String actor;

    public Instant at;
}
