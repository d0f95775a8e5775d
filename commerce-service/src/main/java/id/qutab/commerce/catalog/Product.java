package id.qutab.commerce.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A qurban package on sale. {@code stock} is changed only by conditional SQL updates
 * ({@link StockReservation}), never by loading and saving this entity, so concurrent orders cannot oversell.
 */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String description;

    public long price;

    @Column(name = "weight_min")
    public Integer weightMin;

    @Column(name = "weight_max")
    public Integer weightMax;

    public int stock;

    public boolean active;

    @Column(name = "image_file")
    public String imageFile;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Not deleted (admins see inactive ones too). */
    public static Optional<Product> findExisting(UUID id) {
        return Product.<Product>findByIdOptional(id).filter(p -> p.deletedAt == null);
    }

    /** What the public catalogue shows: not deleted and active. */
    public static Optional<Product> findVisible(UUID id) {
        return findExisting(id).filter(p -> p.active);
    }
}
